namespace Attendance.Integration.Tests.Api;

/// <summary>An idempotency key never swallows another attendance, and a client's id reaches only as far as its source.</summary>
public sealed class IdempotencyTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("another person", "Rudi Hartono", "2023-06-05")]
    [InlineData("another day", "Made Wirawan", "2023-06-06")]
    public async Task The_same_id_with_another_attendance_is_a_409_on_submissionId_and_stores_nothing(string what, string name, string day)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var original = Lampung.Submission("Made Wirawan").With("submissionId", "row-7");
        var other = Lampung.Submission(name, day: day);
        other["submissionId"] = "row-7";

        using var first = await api.Client.PostAsJsonAsync("submissions", original, Ct);
        using var second = await api.Client.PostAsJsonAsync("submissions", other, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(HttpStatusCode.Conflict == second.StatusCode, $"{what}: {(int)second.StatusCode}");
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("row-7", problem.GetProperty("errors").GetProperty("submissionId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Store(api).GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task The_same_id_with_the_same_attendance_is_a_duplicate_with_the_originals_receipt()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var fields = Lampung.Submission("Made Wirawan").With("submissionId", "row-8");
        using var first = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        fields["fullName"] = "MADE  WIRAWAN";
        using var retry = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var receipt = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("duplicate", receipt.GetProperty("status").GetString());
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString(), receipt.GetProperty("submissionId").GetString());
    }

    [Fact]
    public async Task In_a_batch_the_second_attendance_with_a_taken_id_is_a_conflict_and_the_rest_are_stored()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var ani = Lampung.Submission("Ani Lestari").With("submissionId", "sheet-1");
        var budi = Lampung.Submission("Budi Santoso");
        budi["submissionId"] = "sheet-1";
        var citra = Lampung.Submission("Citra Dewi").With("submissionId", "sheet-2");

        using var response = await api.Client.PostAsJsonAsync("submissions", new[] { ani, budi, citra, budi }, Ct);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["created", "conflict", "created", "conflict"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("submissionId", out _));
        Assert.Equal(2, await Store(api).GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Two_Microsoft_Forms_numbering_responses_from_1_do_not_collide_because_ids_are_per_source()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var fromFormA = Lampung.Submission("Ani Lestari").With("submissionId", "1").With("source", "ms-forms-hari-1");
        var fromFormB = Lampung.Submission("Budi Santoso");
        fromFormB["submissionId"] = "1";
        fromFormB["source"] = "MS Forms Hari 2";

        using var a = await api.Client.PostAsJsonAsync("submissions", fromFormA, Ct);
        using var b = await api.Client.PostAsJsonAsync("submissions", fromFormB, Ct);
        using var retryB = await api.Client.PostAsJsonAsync("submissions", fromFormB, Ct);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retryB.StatusCode);
        Assert.Equal("ms-forms-hari-1:1", (await a.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
        Assert.Equal("ms-forms-hari-2:1", (await retryB.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
        Assert.Equal(2, await Store(api).GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task The_venue_page_never_takes_a_client_chosen_submissionId_or_source()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var taken = Lampung.Submission("Ani Lestari", day: "2023-06-06").With("submissionId", "row-1");
        using var keyed = await api.Client.PostAsJsonAsync("submissions", taken, Ct);

        // An attacker at the venue page picks the id another channel used, and a source of their choosing.
        var fields = new Dictionary<string, string>
        {
            ["fullName"] = "Budi Santoso", ["province"] = "Lampung", ["regency"] = "Kab. Pesawaran",
            ["submissionId"] = "row-1", ["source"] = "power-automate",
        };
        using var venue = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token={Uri.EscapeDataString(token)}", new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.Created, venue.StatusCode);
        var stored = await Store(api).ReadAsync(Lampung.EventId, 0, 10, Ct).Select(r => r.Live!).ToListAsync(Ct);
        var budi = Assert.Single(stored, s => s.Submission.FullName == "Budi Santoso");
        // The only id a venue sign-in carries is the page's own key (server-made here, as the post sent none).
        Assert.Equal("venue-form", budi.Submission.Source);
        Assert.True(Attendance.Venue.VenueSubmissionId.IsClientKey(budi.Submission.SubmissionId));
        Assert.StartsWith("venue-form:", budi.SubmissionId, StringComparison.Ordinal);
    }

    private static SubmissionStore Store(ApiServer api) => api.Services.GetRequiredService<SubmissionStore>();
}
