namespace Attendance.Integration.Tests.FormTools;

/// <summary>
/// The Power Automate flow of docs/forms.md, as documented: the HTTP action's body is read from the docs, each
/// expression replaced by what Power Automate makes of it for a Microsoft Forms response, and posted as the HTTP
/// action posts it. An expression the test does not know fails it, so the docs cannot drift from what is tested.
/// </summary>
public sealed partial class PowerAutomateFlowTests(AzuriteFixture azurite)
{
    /// <summary>A response submitted 2023-06-05 01:15:41 UTC (08:15 WIB); Forms gives submitDate as "6/5/2023 1:15:41 AM".</summary>
    private static Dictionary<string, string> Response(string responseId, string responder, string name, string phone) => new(StringComparer.Ordinal)
    {
        ["convertFromUtc(outputs('Get_response_details')?['body/submitDate'], 'SE Asia Standard Time', 'yyyy-MM-dd')"] = "2023-06-05",
        ["formatDateTime(outputs('Get_response_details')?['body/submitDate'], 'yyyy-MM-ddTHH:mm:ssZ')"] = "2023-06-05T01:15:41Z",
        ["outputs('Get_response_details')?['body/r8a1d3c0f2b6e4f7a9c5d1e2f3a4b5c60']"] = name,
        ["if(equals(outputs('Get_response_details')?['body/responder'], 'anonymous'), '', outputs('Get_response_details')?['body/responder'])"] =
            responder == "anonymous" ? string.Empty : responder,
        ["outputs('Get_response_details')?['body/r1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d61']"] = phone,
        ["outputs('Get_response_details')?['body/r2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d71']"] = "Perempuan",
        ["outputs('Get_response_details')?['body/r3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e81']"] = "Provinsi Lampung",
        ["outputs('Get_response_details')?['body/r4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f91']"] = "Kabupaten Pesawaran",
        ["outputs('Get_response_details')?['body/r5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a01']"] = "Dinas Perpustakaan Kabupaten Pesawaran",
        ["outputs('Get_response_details')?['body/r6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b11']"] = "Perpustakaan Umum Kabupaten",
        ["triggerOutputs()?['body/resourceData/responseId']"] = responseId,
    };

    [Fact]
    public async Task The_documented_flow_posts_once_and_its_retries_are_duplicates()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var body = Render(Response("1", "siti.nurhaliza@perpus.example.id", "Siti Nurhaliza", "0812-3456-7890"));

        using var first = await PostAsync(api, body);
        using var retry = await PostAsync(api, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("ms-forms-bimtek-lampung-2023:1", (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
        var stored = Assert.Single(await api.Services.GetRequiredService<SubmissionStore>().ReadAsync(Lampung.EventId, 0, 10, Ct).Select(r => r.Live!).ToListAsync(Ct)).Submission;
        Assert.Equal(("female", "regency_public_library", "18.09"), (stored.Gender, stored.InstitutionType, stored.Regency.Code));
        Assert.Equal(new DateTimeOffset(2023, 6, 5, 1, 15, 41, TimeSpan.Zero), stored.CheckInAt);
        Assert.Equal("siti.nurhaliza@perpus.example.id", stored.Email);
    }

    [Fact]
    public async Task A_second_form_numbering_from_1_and_an_anonymous_responder_are_stored_too()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var formA = await PostAsync(api, Render(Response("1", "siti.nurhaliza@perpus.example.id", "Siti Nurhaliza", "0812-3456-7890")));

        // The same flow copied for the day-2 form: only its source differs, as docs/forms.md says to make it.
        var dayTwo = Render(Response("1", "anonymous", "Budi Santoso", "0813 2222 3333"))
            .Replace("\"ms-forms-bimtek-lampung-2023\"", "\"ms-forms-bimtek-lampung-2023-hari-2\"", StringComparison.Ordinal);
        using var formB = await PostAsync(api, dayTwo);

        Assert.Equal(HttpStatusCode.Created, formA.StatusCode);
        Assert.Equal(HttpStatusCode.Created, formB.StatusCode);
        Assert.Equal(2, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    /// <summary>The body block of docs/forms.md with every <c>@{…}</c> replaced by its value, JSON-escaped.</summary>
    private static string Render(IReadOnlyDictionary<string, string> values)
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "forms.md"));
        var block = BodyBlock().Match(doc);
        Assert.True(block.Success, "docs/forms.md has no power-automate-body block.");
        var unknown = new List<string>();
        var body = Expression().Replace(block.Groups["json"].Value, m =>
        {
            if (!values.TryGetValue(m.Groups["expr"].Value, out var value))
            {
                unknown.Add(m.Groups["expr"].Value);
                return string.Empty;
            }

            return JsonEncodedText.Encode(value).ToString();
        });
        Assert.True(unknown.Count == 0, "Expressions in docs/forms.md this test does not evaluate: " + string.Join("; ", unknown));
        return body;
    }

    private static async Task<HttpResponseMessage> PostAsync(ApiServer api, string body)
    {
        // Power Automate's HTTP action sends a JSON body as application/json; charset=utf-8.
        using var request = new HttpRequestMessage(HttpMethod.Post, "submissions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", ApiServer.FunctionKey);
        return await api.Anonymous.SendAsync(request, Ct);
    }

    [GeneratedRegex(@"<!-- power-automate-body[^>]*-->\s*```json\s*(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BodyBlock();

    [GeneratedRegex(@"@\{(?<expr>[^{}]*(\{[^{}]*\}[^{}]*)*)\}")]
    private static partial Regex Expression();
}
