using Attendance.Regions;

namespace Attendance.Integration.Tests.Export;

public sealed class ExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task After_replaying_the_Lampung_training_and_exporting_every_attendance_is_in_the_Delta_table_once_with_official_codes()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var outcome = await new LampungReplay().PostAllAsync(api, Ct);

        using var request = new HttpRequestMessage(HttpMethod.Post, "exports");
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(outcome.Created.Count, summary.GetProperty("tables")[0].GetProperty("rowsAdded").GetInt32());

        var container = api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
        var tables = await DeltaOracle.ReadAsync([(container, "attendance"), (container, "events"), (container, "regions")], Ct);
        var (attendance, events, regions) = (tables[0], tables[1], tables[2]);

        Assert.Equal(outcome.Created.Order(StringComparer.Ordinal), attendance.Strings("submission_id").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("email", attendance.Columns);
        Assert.DoesNotContain("phone", attendance.Columns);
        Assert.DoesNotContain("full_name", attendance.Columns);
        Assert.All(attendance.Strings("event_id"), id => Assert.Equal(Lampung.EventId, id));
        Assert.All(attendance.Strings("province_code"), code => Assert.Equal("18", code));
        var official = RegionDirectory.Official;
        var regencyCodes = attendance.Strings("regency_code");
        var regencyNames = attendance.Strings("regency_name");
        for (var i = 0; i < regencyCodes.Count; i++)
        {
            Assert.True(official.TryGet(regencyCodes[i]!, out var regency));
            Assert.Equal(regency.Name, regencyNames[i]);
        }

        Assert.Equal(5, regencyCodes.Distinct().Count());
        var keys = attendance.Strings("participant_key");
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k!));
        Assert.Equal(48, keys.Distinct().Count());
        Assert.Equal(outcome.Created.Count, attendance.Txn[AttendanceExport.AppId(Lampung.EventId)]);

        Assert.Equal([Lampung.EventId], events.Strings("event_id"));
        Assert.Equal(552, regions.Rows);
        Assert.Equal(514, regions.Strings("level").Count(l => l == "regency"));
        Assert.True((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).IsExact);
    }

    [Fact]
    public async Task A_run_without_changes_commits_nothing_and_a_late_submission_goes_out_with_the_next_run()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var i = 0; i < 20; i++)
        {
            (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission($"Peserta {i}"), Ct)).Dispose();
        }

        var first = await runner.RunAsync("test", cancellationToken: Ct);
        var unchanged = await runner.RunAsync("test", cancellationToken: Ct);
        Assert.All(first.Tables, t => Assert.True(t.Changed));
        Assert.All(unchanged.Tables, t => Assert.False(t.Changed));
        Assert.Equal(first.Tables.Select(t => t.Version), unchanged.Tables.Select(t => t.Version));

        // Weeks later someone types in a paper sign-in sheet for the old event.
        using var late = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Dari Kertas", "Kota Metro", "2023-06-08"), Ct);
        var lateId = (await late.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString();
        var next = await runner.RunAsync("test", cancellationToken: Ct);
        Assert.Equal(1, next.Tables[0].RowsAdded);

        var attendance = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        var ids = attendance.Strings("submission_id");
        Assert.Equal(21, ids.Count);
        Assert.Equal(21, ids.Distinct().Count());
        Assert.Contains(lateId, ids);
        Assert.Equal(2, attendance.Files.Count);
    }

    [Fact]
    public async Task Overlapping_exports_leave_every_submission_in_the_table_exactly_once()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.RegisterEventAsync("bimtek-padang-2022", new { name = "Bimtek Padang", startDate = "2022-05-10", endDate = "2022-05-14", province = "13" });
        var batch = Enumerable.Range(0, 150).Select(i => i % 2 == 0
            ? (object)Lampung.Submission($"Peserta {i}")
            : new { eventId = "bimtek-padang-2022", sessionDate = "2022-05-11", fullName = $"Peserta {i}", province = "13", regency = "13.71" });
        (await api.Client.PostAsJsonAsync("submissions", batch, Ct)).Dispose();

        // Three runs at once, as the timer, a manual POST and the CLI could overlap; plus one started mid-way.
        var runner = api.Services.GetRequiredService<ExportRunner>();
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(() => runner.RunAsync("overlap", cancellationToken: Ct), Ct)).ToList();
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Terlambat", day: "2023-06-06"), Ct)).Dispose();
        runs.Add(Task.Run(() => runner.RunAsync("overlap", cancellationToken: Ct), Ct));
        var summaries = await Task.WhenAll(runs);
        await runner.RunAsync("after", cancellationToken: Ct);

        var attendance = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        var ids = attendance.Strings("submission_id");
        Assert.Equal(151, ids.Count);
        Assert.Equal(151, ids.Distinct().Count());
        Assert.True(summaries.Sum(s => s.Tables[0].RowsAdded) >= 150);
    }
}
