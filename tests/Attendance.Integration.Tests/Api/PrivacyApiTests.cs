namespace Attendance.Integration.Tests.Api;

/// <summary>An access request answered over HTTP on Azurite: everything stored about a person, and what the analytics hold.</summary>
public sealed class PrivacyApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_lookup_by_email_shows_every_attendance_with_every_field_and_the_analytics_rows_under_the_persons_key()
    {
        // During the training: later, the run would have cleared the contacts (Privacy:ContactRetention).
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var siti = Lampung.Submission("Siti Aminah");
        siti["email"] = "siti@example.org";
        siti["phone"] = "0812-3456-7890";
        siti["position"] = "Pustakawan";
        await PostAsync(api, siti);
        await PostAsync(api, Lampung.Submission("Ani Lestari"));
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("before-second-day", cancellationToken: Ct);
        await PostAsync(api, new Dictionary<string, string>(siti) { ["sessionDate"] = "2023-06-06" });

        using var response = await api.AdminAsync(HttpMethod.Post, "participants/lookup", new { email = "SITI@example.org" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, found.GetProperty("count").GetInt32());
        var first = found.GetProperty("attendances")[0];
        Assert.Equal(("Siti Aminah", "siti@example.org", "6281234567890", "Pustakawan", "18.09"), (
            first.GetProperty("fullName").GetString(), first.GetProperty("email").GetString(), first.GetProperty("phone").GetString(),
            first.GetProperty("position").GetString(), first.GetProperty("regency").GetProperty("code").GetString()));
        Assert.Equal(["2023-06-05", "2023-06-06"], found.GetProperty("attendances").EnumerateArray().Select(a => a.GetProperty("sessionDate").GetString()));
        var held = Assert.Single(found.GetProperty("analytics").EnumerateArray());
        Assert.Equal(1, held.GetProperty("rows").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", held.GetProperty("participantKey").GetString());
    }

    [Fact]
    public async Task Someone_who_gave_no_contacts_is_found_by_name_and_regency_and_nobody_else()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await PostAsync(api, Lampung.Submission("Made Wirawan"));
        await PostAsync(api, Lampung.Submission("Made Wirawan", regency: "Kota Metro"));

        using var response = await api.AdminAsync(HttpMethod.Post, "participants/lookup", new { fullName = "made WIRAWAN", regency = "18.09" });

        var found = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var only = Assert.Single(found.GetProperty("attendances").EnumerateArray());
        Assert.Equal("Kabupaten Pesawaran", only.GetProperty("regency").GetProperty("name").GetString());
        Assert.Equal(0, Assert.Single(found.GetProperty("analytics").EnumerateArray()).GetProperty("rows").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", "email")]
    [InlineData("""{"email":"bukan-email"}""", "email")]
    [InlineData("""{"email":"siti@example.org","nik":"1871"}""", "nik")]
    public async Task A_lookup_that_names_nobody_is_a_400_naming_the_field(string body, string field)
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var refused = await api.AdminAsync(HttpMethod.Post, "participants/lookup", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors.GetRawText()}");
    }

    [Fact]
    public async Task The_function_key_cannot_look_anyone_up()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);

        using var response = await api.Client.PostAsJsonAsync("participants/lookup", new { email = "siti@example.org" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task PostAsync(ApiServer api, Dictionary<string, string> fields)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
