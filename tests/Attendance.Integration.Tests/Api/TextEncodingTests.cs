namespace Attendance.Integration.Tests.Api;

/// <summary>People are neither merged nor split by how their text is encoded.</summary>
public sealed class TextEncodingTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string, string, string> SamePerson => new()
    {
        // field, first writing, second writing, why they are one
        { "fullName", "Siti Nurhaliza", "Siti\u200B Nur\u00ADhaliza\u200D", "zero-width space, soft hyphen and joiner are invisible" },
        { "fullName", "Siti Nurhaliza", "\u202ESiti Nurhaliza\u202C", "bidi controls are invisible" },
        { "fullName", "Siti Nurhaliza", "𝐒𝐢𝐭𝐢 Ｎｕｒｈａｌｉｚａ", "mathematical bold and full-width letters are the letters they look like" },
        { "phone", "0812 3456 7890", "+62 (0)812-3456-7890", "the trunk 0 in parentheses after +62" },
        { "phone", "0812 3456 7890", "+62 0812.3456.7890", "the trunk 0 written after +62, dots" },
        { "phone", "0812 3456 7890", "(0812) 3456-7890", "parentheses and dashes" },
        { "phone", "0812 3456 7890", "０８１２ ３４５６ ７８９０", "full-width digits" },
        { "phone", "0812 3456 7890", "0812\u200B3456\u20607890", "invisible characters between digits" },
        { "email", "pustaka@bücherei.example", "pustaka@xn--bcherei-n2a.example", "an internationalized domain in Unicode or punycode" },
        { "email", "siti@perpus.example.id", "siti\u00AD@perpus.example.id\uFEFF", "a soft hyphen and a BOM in an email" },
    };

    [Theory]
    [MemberData(nameof(SamePerson))]
    public async Task Two_writings_of_one_person_are_one_attendance(string field, string first, string second, string why)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var a = Lampung.Submission("Siti Nurhaliza");
        a[field] = first;
        var b = Lampung.Submission("Siti Nurhaliza");
        b[field] = second;

        using var created = await api.Client.PostAsJsonAsync("submissions", a, Ct);
        using var again = await api.Client.PostAsJsonAsync("submissions", b, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(HttpStatusCode.OK == again.StatusCode, $"{why}: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(1, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Format_characters_never_reach_the_store()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var fields = Lampung.Submission("\u2066Dewi\u200B Sartika\u2069").With("email", "de\u200Dwi@bücherei.example").With("phone", "+62 (0)812\u200E-1234-5678");
        using var response = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var stored = Assert.Single(await api.Services.GetRequiredService<SubmissionStore>().ReadAsync(Lampung.EventId, 0, 1, Ct).Select(r => r.Live!).ToListAsync(Ct)).Submission;
        Assert.Equal("Dewi Sartika", stored.FullName);
        Assert.Equal("dewi@bücherei.example", stored.Email);
        Assert.Equal("6281212345678", stored.Phone);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("\u200B\u200B")]
    [InlineData("-- . --")]
    [InlineData("😀😀")]
    public async Task A_name_without_a_letter_is_a_400_on_fullName(string name)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission(name), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("fullName", out _));
    }

    [Fact]
    public async Task Names_in_other_scripts_are_accepted()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("ꦱꦶꦠꦶ Nurhaliza"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
