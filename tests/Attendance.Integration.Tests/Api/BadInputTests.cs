namespace Attendance.Integration.Tests.Api;

/// <summary>Every bad input gets a 4xx naming the field, and nothing is stored.</summary>
public sealed class BadInputTests(AzuriteFixture azurite)
{
    private const string Valid = """{"eventId":"bimtek-spptik-lampung-2023","sessionDate":"2023-06-05","fullName":"Siti","province":"Lampung","regency":"Pesawaran"}""";

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        { "malformed JSON", "application/json", """{"eventId": "x",""", 400, "body" },
        { "deeply nested JSON", "application/json", new string('[', 100) + new string(']', 100), 400, "body" },
        { "a JSON string, not an object", "application/json", "\"hello\"", 400, "body" },
        { "a duplicated property", "application/json", Valid.Replace("\"fullName\":\"Siti\"", "\"fullName\":\"Siti\",\"fullName\":\"Ani\"", StringComparison.Ordinal), 400, "body" },
        { "a number for a name", "application/json", Valid.Replace("\"Siti\"", "42", StringComparison.Ordinal), 400, "fullName" },
        { "an object for a date", "application/json", Valid.Replace("\"2023-06-05\"", "{\"d\":1}", StringComparison.Ordinal), 400, "sessionDate" },
        { "a missing regency", "application/json", Valid.Replace(",\"regency\":\"Pesawaran\"", string.Empty, StringComparison.Ordinal), 400, "regency" },
        { "a blank name", "application/json", Valid.Replace("\"Siti\"", "\"   \"", StringComparison.Ordinal), 400, "fullName" },
        { "an unpaired surrogate escape in a value", "application/json", Valid.Replace("\"Siti\"", "\"Si\\ud800ti\"", StringComparison.Ordinal), 400, "body" },
        { "an unpaired surrogate escape in an unknown name", "application/json", Valid.Replace("}", ",\"\\udc00\":\"a\"}", StringComparison.Ordinal), 400, "body" },
        { "a control character", "application/json", Valid.Replace("\"Siti\"", "\"Si\\u0007ti\"", StringComparison.Ordinal), 400, "fullName" },
        { "an oversized name", "application/json", Valid.Replace("\"Siti\"", $"\"{new string('a', 201)}\"", StringComparison.Ordinal), 400, "fullName" },
        { "a 64 KiB name", "application/json", Valid.Replace("\"Siti\"", $"\"{new string('a', 65536)}\"", StringComparison.Ordinal), 400, "fullName" },
        { "a key character Table Storage forbids", "application/json", Valid.Replace("bimtek-spptik-lampung-2023", "bimtek/lampung", StringComparison.Ordinal), 400, "eventId" },
        { "an OData injection in the event id", "application/json", Valid.Replace("bimtek-spptik-lampung-2023", "x' or PartitionKey ne '", StringComparison.Ordinal), 400, "eventId" },
        { "an OData injection in the submission id", "application/json", Valid.Replace("}", ",\"submissionId\":\"a' or RowKey ne '\"}", StringComparison.Ordinal), 400, "submissionId" },
        { "an impossible date", "application/json", Valid.Replace("2023-06-05", "2023-02-30", StringComparison.Ordinal), 400, "sessionDate" },
        { "a date outside the event", "application/json", Valid.Replace("2023-06-05", "2023-06-09", StringComparison.Ordinal), 400, "sessionDate" },
        { "an unregistered event", "application/json", Valid.Replace("bimtek-spptik-lampung-2023", "no-such-event", StringComparison.Ordinal), 400, "eventId" },
        { "an invalid email", "application/json", Valid.Replace("}", ",\"email\":\"siti@\"}", StringComparison.Ordinal), 400, "email" },
        { "a check-in time without offset", "application/json", Valid.Replace("}", ",\"checkInAt\":\"2023-06-05T08:00:00\"}", StringComparison.Ordinal), 400, "checkInAt" },
        { "an unknown regency", "application/json", Valid.Replace("Pesawaran", "Atlantis", StringComparison.Ordinal), 400, "regency" },
        { "an ambiguous regency", "application/json", Valid.Replace("Lampung", "Sumatera Barat", StringComparison.Ordinal).Replace("Pesawaran", "Solok", StringComparison.Ordinal), 400, "regency" },
        { "a regency of another province", "application/json", Valid.Replace("Pesawaran", "Kota Padang", StringComparison.Ordinal), 400, "regency" },
        { "an email and a phone number as institution", "application/json", Valid.Replace("}", ",\"institution\":\"budi.santoso@example.id 0812-3456-7890\"}", StringComparison.Ordinal), 400, "institution" },
        { "a phone number in the position", "application/json", Valid.Replace("}", ",\"position\":\"Pustakawan, WA +62 812 3456 7890\"}", StringComparison.Ordinal), 400, "position" },
        { "an email in the name", "application/json", Valid.Replace("\"Siti\"", "\"Siti (siti@perpusdes.id)\"", StringComparison.Ordinal), 400, "fullName" },
        { "a phone number as source", "application/json", Valid.Replace("}", ",\"source\":\"08123456789\"}", StringComparison.Ordinal), 400, "source" },
        { "an unknown gender", "application/json", Valid.Replace("}", ",\"gender\":\"x\"}", StringComparison.Ordinal), 400, "gender" },
        { "an empty batch", "application/json", "[]", 400, "body" },
        { "a batch of 501", "application/json", "[" + string.Join(',', Enumerable.Repeat(Valid, 501)) + "]", 400, "body" },
        { "a field given twice in a form", "application/x-www-form-urlencoded", "eventId=bimtek-spptik-lampung-2023&sessionDate=2023-06-05&fullName=A&fullName=B&province=18&regency=18.09", 400, "fullName" },
        { "plain text", "text/plain", Valid, 415, "" },
        { "XML", "application/xml", "<a/>", 415, "" },
        { "JSON in Latin-1", "application/json; charset=iso-8859-1", Valid, 415, "" },
        { "a body over 1 MiB", "application/json", "[" + string.Join(',', Enumerable.Repeat(Valid.Replace("\"Siti\"", $"\"{new string('a', 190)}\"", StringComparison.Ordinal), 4000)) + "]", 413, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_4xx_naming_the_field_and_stores_nothing(string what, string contentType, string body, int status, string field)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await api.Client.PostAsync("submissions", content, Ct);

        Assert.True(status == (int)response.StatusCode, $"{what}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{what}: no error for '{field}' in {problem}");
            Assert.NotEmpty(messages.EnumerateArray());
        }

        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(0, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Region_errors_name_the_candidates()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync("bimtek-padang-2022", new { name = "Bimtek Padang", startDate = "2022-05-10", endDate = "2022-05-14" });
        using var response = await api.Client.PostAsJsonAsync("submissions", new
        {
            eventId = "bimtek-padang-2022", sessionDate = "2022-05-10", fullName = "Rina", province = "Sumatera Barat", regency = "Solok",
        }, Ct);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("regency")[0].GetString();
        Assert.Contains("Kabupaten Solok (13.02)", message, StringComparison.Ordinal);
        Assert.Contains("Kota Solok (13.72)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_event_registrations_name_the_field()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Put, "events/x'%20or%20PartitionKey%20ne%20'") { Content = JsonContent.Create(new { name = "x", startDate = "2023-06-08", endDate = "2023-06-05" }) };
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var badId = await api.Anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.True((await badId.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("eventId", out _));

        using var reversed = new HttpRequestMessage(HttpMethod.Put, "events/ok-id") { Content = JsonContent.Create(new { name = "x", startDate = "2023-06-08", endDate = "2023-06-05" }) };
        reversed.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var badDates = await api.Anonymous.SendAsync(reversed, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDates.StatusCode);
        Assert.True((await badDates.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("endDate", out _));
    }
}
