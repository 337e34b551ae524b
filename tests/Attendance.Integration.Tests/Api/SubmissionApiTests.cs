namespace Attendance.Integration.Tests.Api;

public sealed class SubmissionApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_answers_when_storage_does()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var response = await api.Anonymous.GetAsync("health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_attendance_posted_as_JSON_and_again_as_a_form_is_stored_once()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var fields = Lampung.Submission("Siti Nur'aini").With("email", "siti.nuraini@perpus.example.id");

        using var first = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("created", created.GetProperty("status").GetString());

        fields["email"] = "  SITI.NURAINI@perpus.example.id ";
        fields["fullName"] = "SITI NURAINI";
        using var again = await api.Client.PostAsync("submissions", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("submissionId").GetString(), duplicate.GetProperty("submissionId").GetString());

        var attendance = await AttendanceAsync(api);
        Assert.Equal(1, attendance.GetProperty("participants").GetInt32());
        Assert.Equal(1, attendance.GetProperty("byDate").GetProperty("2023-06-05").GetInt32());
    }

    [Fact]
    public async Task A_retry_with_the_clients_submission_id_gets_the_same_receipt()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var fields = Lampung.Submission("Made Wirawan").With("submissionId", "uuid:6f1c2a9e-1b2c-4d3e-8f90-123456789abc");

        using var first = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        using var retry = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(fields["submissionId"], (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
    }

    [Fact]
    public async Task Phone_numbers_in_different_forms_identify_one_participant()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var viaForm = Lampung.Submission("Budi Santoso").With("phone", "0812-3456-7890");
        var viaKobo = Lampung.Submission("Budi S.");
        viaKobo["phone"] = "+62 812 3456 7890";

        using var first = await api.Client.PostAsJsonAsync("submissions", viaForm, Ct);
        using var second = await api.Client.PostAsJsonAsync("submissions", viaKobo, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_batch_gets_one_result_per_item_in_order()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var ani = Lampung.Submission("Ani Lestari", "Kota Metro");
        var batch = new object[]
        {
            ani,
            Lampung.Submission("Rudi Hartono", "Tulangbawang Barat"),
            ani,
            new Dictionary<string, object> { ["eventId"] = Lampung.EventId, ["fullName"] = 42 },
            Lampung.Submission("Dewi Sartika", "Lampung Utara", "2023-06-09"),
        };

        using var response = await api.Client.PostAsJsonAsync("submissions", batch, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["created", "created", "duplicate", "invalid", "invalid"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(results[0].GetProperty("submissionId").GetString(), results[2].GetProperty("submissionId").GetString());
        var errors = results[3].GetProperty("errors");
        Assert.True(errors.TryGetProperty("fullName", out _));
        Assert.True(errors.TryGetProperty("sessionDate", out _));
        Assert.True(results[4].GetProperty("errors").TryGetProperty("sessionDate", out _));
        Assert.Equal(2, (await AttendanceAsync(api)).GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task A_batch_of_two_events_sheets_numbered_alike_stores_both()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.RegisterEventAsync("bimtek-padang-2022", new { name = "Bimtek Padang", startDate = "2022-05-10", endDate = "2022-05-14" });
        var lampung = Lampung.Submission("Budi").With("submissionId", "row-1");
        var padang = new Dictionary<string, string>
        {
            ["eventId"] = "bimtek-padang-2022", ["sessionDate"] = "2022-05-10", ["fullName"] = "Budi",
            ["province"] = "Sumatera Barat", ["regency"] = "Kota Padang", ["submissionId"] = "row-1",
        };

        using var response = await api.Client.PostAsJsonAsync("submissions", new[] { lampung, padang }, Ct);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results").EnumerateArray();
        Assert.Equal(["created", "created"], results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Keys_are_checked_like_the_Functions_host_checks_them()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var noKey = await api.Anonymous.PostAsJsonAsync("submissions", Lampung.Submission("A"), Ct);
        using var wrongKey = await api.Anonymous.GetAsync($"events/{Lampung.EventId}?code=wrong", Ct);
        using var functionKeyOnAdminRoute = await api.Client.PutAsJsonAsync($"events/{Lampung.EventId}", Lampung.Registration, Ct);
        using var adminKeyOnFunctionRoute = await api.Anonymous.GetAsync($"events/{Lampung.EventId}?code={ApiServer.AdminKey}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKeyOnAdminRoute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, adminKeyOnFunctionRoute.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_event_is_created_then_updated_keeping_its_form_token()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var create = new HttpRequestMessage(HttpMethod.Put, "events/bimtek-padang-2022") { Content = JsonContent.Create(new { name = "Bimtek Padang", startDate = "2022-05-10", endDate = "2022-05-14", province = "Sumbar", regency = "Kota Padang" }) };
        create.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var created = await api.Anonymous.SendAsync(create, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formToken").GetString();

        using var update = new HttpRequestMessage(HttpMethod.Put, "events/bimtek-padang-2022") { Content = JsonContent.Create(new { name = "Bimtek SPPTIK Padang", startDate = "2022-05-10", endDate = "2022-05-14" }) };
        update.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var updated = await api.Anonymous.SendAsync(update, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(token, (await updated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formToken").GetString());

        var read = await api.Client.GetFromJsonAsync<JsonElement>("events/bimtek-padang-2022", Ct);
        Assert.Equal("Bimtek SPPTIK Padang", read.GetProperty("name").GetString());
        Assert.False(read.TryGetProperty("formToken", out _));
        Assert.Equal(0, read.GetProperty("attendance").GetProperty("participants").GetInt32());
    }

    private static async Task<JsonElement> AttendanceAsync(ApiServer api) =>
        (await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}", Ct)).GetProperty("attendance");
}
