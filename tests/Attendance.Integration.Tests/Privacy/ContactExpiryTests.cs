using Attendance.Organizer;
using Attendance.Integration.Tests.Export;

namespace Attendance.Integration.Tests.Privacy;

/// <summary>
/// Contacts expire: the run after <c>Privacy:ContactRetention</c> past an event's last day clears every email and
/// phone of that event once, restartably, and the analytics keep the same pseudonymous keys for those people.
/// </summary>
public sealed class ContactExpiryTests(AzuriteFixture azurite)
{
    /// <summary>The default retention (180 days) after the Lampung training's last day, 8 June 2023.</summary>
    private static readonly DateTimeOffset LastKeptDay = new(2023, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_run_after_the_retention_clears_contacts_once_keeps_names_and_keeps_the_analytics_keys()
    {
        var time = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, time);
        await SignInAllAsync(api);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("during", cancellationToken: Ct);
        var keysBefore = await KeysBySubmissionAsync(api);

        time.Now = LastKeptDay;
        Assert.Equal(0, (await runner.RunAsync("last-day-kept", cancellationToken: Ct)).ContactsCleared);
        Assert.Equal("siti@example.org", (await AttendeeAsync(api, "2023-06-05", "Siti Aminah")).GetProperty("email").GetString());

        time.Now = LastKeptDay.AddDays(1);
        Assert.Equal(3, (await runner.RunAsync("expired", cancellationToken: Ct)).ContactsCleared);
        Assert.Equal(0, (await runner.RunAsync("again", cancellationToken: Ct)).ContactsCleared);

        var siti = await AttendeeAsync(api, "2023-06-05", "Siti Aminah");
        Assert.True(siti.GetProperty("contactsCleared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, siti.GetProperty("email").ValueKind);
        Assert.Equal("Perpustakaan Desa Sukamaju", siti.GetProperty("institution").GetString());
        var budi = await AttendeeAsync(api, "2023-06-05", "Budi Santoso");
        Assert.Equal(JsonValueKind.Null, budi.GetProperty("phone").ValueKind);
        Assert.False((await AttendeeAsync(api, "2023-06-05", "Made Wirawan")).GetProperty("contactsCleared").GetBoolean());

        using var csv = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-05&format=csv", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("siti@example.org", text, StringComparison.Ordinal);
        Assert.Contains(AttendanceTables.ClearedContact, text, StringComparison.Ordinal);

        // A rebuild rereads every record: the people whose contacts went keep the keys the analytics had.
        await runner.RebuildAttendanceAsync(cancellationToken: Ct);
        Assert.Equal(keysBefore, await KeysBySubmissionAsync(api));
    }

    [Fact]
    public async Task A_run_cut_short_is_finished_by_the_next_and_each_record_is_counted_once()
    {
        var time = new ManualTime(Lampung.During);
        var faults = new FaultInjectionPolicy { Selects = m => m.Request.Method == Azure.Core.RequestMethod.Put && m.Request.Uri.Path.Contains("q%7C", StringComparison.OrdinalIgnoreCase) };
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, time, s => s.AddStoragePipelinePolicy(faults),
            new Dictionary<string, string?> { ["AttendanceStorage:MaxRetries"] = "0" });
        await SignInAllAsync(api);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        time.Now = LastKeptDay.AddDays(1);

        faults.Reset(failRequestNumber: 2, afterStorageApplied: false);
        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync("cut-short", cancellationToken: Ct));
        Assert.True(faults.Fired, string.Join(", ", faults.Uris));
        Assert.Equal(2, (await runner.RunAsync("finish", cancellationToken: Ct)).ContactsCleared);
        Assert.Equal(0, (await runner.RunAsync("again", cancellationToken: Ct)).ContactsCleared);
        Assert.All(await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}/attendance?date=2023-06-05", Ct) is var day
            ? day.GetProperty("attendees").EnumerateArray() : [], a => Assert.Equal(JsonValueKind.Null, a.GetProperty("email").ValueKind));
    }

    [Fact]
    public async Task A_sheet_typed_in_after_the_clearing_is_cleared_by_the_next_run()
    {
        var time = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, time);
        await SignInAllAsync(api);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        time.Now = LastKeptDay.AddDays(1);
        Assert.Equal(3, (await runner.RunAsync("expired", cancellationToken: Ct)).ContactsCleared);

        var late = Lampung.Submission("Ani Lestari", day: "2023-06-06");
        late["email"] = "ani@example.org";
        using var posted = await api.Client.PostAsJsonAsync("submissions", late, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        Assert.Equal(1, (await runner.RunAsync("after-late-sheet", cancellationToken: Ct)).ContactsCleared);
        Assert.Equal(JsonValueKind.Null, (await AttendeeAsync(api, "2023-06-06", "Ani Lestari")).GetProperty("email").ValueKind);
    }

    private static async Task SignInAllAsync(ApiServer api)
    {
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var siti = Lampung.Submission("Siti Aminah");
        siti["email"] = "siti@example.org";
        siti["institution"] = "Perpustakaan Desa Sukamaju";
        var sitiAgain = new Dictionary<string, string>(siti) { ["sessionDate"] = "2023-06-06" };
        var budi = Lampung.Submission("Budi Santoso");
        budi["phone"] = "0812-3456-7890";
        foreach (var fields in new[] { siti, sitiAgain, budi, Lampung.Submission("Made Wirawan") })
        {
            using var response = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static async Task<JsonElement> AttendeeAsync(ApiServer api, string date, string name) =>
        (await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}/attendance?date={date}", Ct))
            .GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("fullName").GetString() == name);

    private static async Task<Dictionary<string, string?>> KeysBySubmissionAsync(ApiServer api)
    {
        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        return table.Strings("submission_id").Zip(table.Strings("participant_key")).ToDictionary(p => p.First!, p => p.Second);
    }
}
