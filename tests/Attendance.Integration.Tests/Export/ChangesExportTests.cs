using Attendance.Corrections;
using Azure.Data.Tables;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Corrections, voids and erasures reaching the <c>attendance</c> Delta table copy-on-write, read back by the oracle
/// (DuckDB, arrow-rs and hyparquet over the live files the log names): corrected values and never the old ones,
/// withdrawn rows gone, statistics that still bound, <c>verify</c> exact, and each change applied exactly once.
/// </summary>
public sealed class ChangesExportTests(AzuriteFixture azurite)
{
    private const string Bengkulu = "bimtek-spptik-bengkulu-2023";

    private static readonly ChangeRequest Request = new("admin", "permintaan peserta");

    [Fact]
    public async Task A_correction_replaces_the_old_values_in_the_live_files_and_verify_reports_it_pending_then_exact()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 30).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        await PostAsync(api, Enumerable.Range(30, 5).Select(i => Lampung.Submission($"Peserta {i}")));
        await runner.RunAsync("night-2", cancellationToken: Ct);
        var before = await ReadAsync(api);
        var ids = await LiveNamesAsync(api, Lampung.EventId);
        var misspelt = ids.Single(p => p.Value == "Peserta 3").Key;
        var moved = ids.Single(p => p.Value == "Peserta 32").Key;

        await CorrectAsync(api, misspelt, new() { ["fullName"] = "Siti Nurhalizah" });
        await CorrectAsync(api, moved, new() { ["regency"] = "18.71" });
        var pending = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.Equal(2, pending.PendingChangesByEvent[Lampung.EventId]);
        Assert.True(pending.IsClean, string.Join("; ", pending.Findings));

        var summary = await runner.RunAsync("night-3", cancellationToken: Ct);
        Assert.Equal(2, summary.ChangesApplied);
        Assert.Equal((2, 2, 0L), (summary.Tables[0].FilesRemoved, summary.Tables[0].FilesAdded, summary.Tables[0].RowsAdded));

        var after = await ReadAsync(api);
        var rows = Rows(after);
        Assert.Equal(35, after.Rows);
        Assert.Equal("Siti Nurhalizah", rows[misspelt]["full_name"]);
        Assert.DoesNotContain("Peserta 3", after.Strings("full_name"));
        Assert.NotEqual(Rows(before)[misspelt]["participant_key"], rows[misspelt]["participant_key"]);
        Assert.Equal(("18.71", "18"), (rows[moved]["regency_code"], rows[moved]["province_code"]));
        Assert.All(rows.Where(r => r.Key != misspelt && r.Key != moved), r => Assert.Equal(Rows(before)[r.Key], r.Value));
        Assert.Equal(2, after.Txn[AttendanceExport.ChangesAppId(Lampung.EventId)]);
        Assert.Equal(35, after.Txn[AttendanceExport.AppId(Lampung.EventId)]);

        var exact = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.True(exact.IsClean && exact.PendingChangesByEvent.Count == 0, string.Join("; ", exact.Findings));
        Assert.False((await runner.RunAsync("night-4", cancellationToken: Ct)).Tables[0].Changed);
    }

    [Fact]
    public async Task A_row_rewritten_after_its_contacts_were_cleared_keeps_the_participant_key_it_was_exported_with()
    {
        // Long after the training (Privacy:ContactRetention has passed): the first run exports, then clears contacts.
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, [WithEmail(Lampung.Submission("Rina Marlina")), Lampung.Submission("Budi Santoso")]);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        Assert.True((await runner.RunAsync("night-1", cancellationToken: Ct)).ContactsCleared > 0);
        var before = Rows(await ReadAsync(api));
        var rina = before.Single(r => r.Value["full_name"] == "Rina Marlina").Key;

        await CorrectAsync(api, rina, new() { ["regency"] = "18.71" });
        Assert.Equal(1, (await runner.RunAsync("night-2", cancellationToken: Ct)).ChangesApplied);

        var after = Rows(await ReadAsync(api));
        Assert.Equal(before[rina]["participant_key"], after[rina]["participant_key"]);
        Assert.Equal("18.71", after[rina]["regency_code"]);
        await AssertVerifiesCleanAsync(api);
    }

    [Fact]
    public async Task A_void_takes_the_row_out_and_one_voided_before_its_first_export_is_never_written_nor_reported_lost()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 10).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        await PostAsync(api, [Lampung.Submission("Orang Asing"), Lampung.Submission("Ani Lestari", day: "2023-06-06")]);
        var ids = await LiveNamesAsync(api, Lampung.EventId);
        var test = ids.Single(p => p.Value == "Peserta 2").Key;
        var stranger = ids.Single(p => p.Value == "Orang Asing").Key;

        await VoidAsync(api, test);
        await VoidAsync(api, test);
        await VoidAsync(api, stranger);
        var summary = await runner.RunAsync("night-2", cancellationToken: Ct);

        var table = await ReadAsync(api);
        Assert.Empty(summary.Lost);
        Assert.Equal(10, table.Rows);
        Assert.Equal((await LiveNamesAsync(api, Lampung.EventId)).Keys.Order(StringComparer.Ordinal), table.Strings("submission_id").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(test, table.Strings("submission_id"));
        Assert.DoesNotContain(stranger, table.Strings("submission_id"));
        Assert.Equal(12, table.Txn[AttendanceExport.AppId(Lampung.EventId)]);
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.True(report.IsClean, string.Join("; ", report.Findings));
        Assert.Equal([(new DateOnly(2023, 6, 5), 9), (new DateOnly(2023, 6, 6), 1)], report.Days.Select(d => (d.SessionDate, d.Table)));

        // A run whose only new record was voided before it: no file, and the mark still moves past it.
        await PostAsync(api, [Lampung.Submission("Salah Masuk")]);
        await VoidAsync(api, (await LiveNamesAsync(api, Lampung.EventId)).Single(p => p.Value == "Salah Masuk").Key);
        var empty = await runner.RunAsync("night-3", cancellationToken: Ct);
        Assert.Equal((true, 0, 0L), (empty.Tables[0].Changed, empty.Tables[0].FilesAdded, empty.Tables[0].RowsAdded));
        var after = await ReadAsync(api);
        Assert.Equal((10, 13L), (after.Rows, after.Txn[AttendanceExport.AppId(Lampung.EventId)]));
        Assert.Equal(table.Files, after.Files);
    }

    [Fact]
    public async Task An_erasure_across_two_events_leaves_no_row_of_the_person_and_clean_up_now_leaves_no_file_that_had_them()
    {
        // During the training: contacts are still kept (Privacy:ContactRetention), so the person is found by email.
        var clock = new ManualTime(Lampung.During);
        await using var api = await StartAsync(time: clock);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await api.RegisterEventAsync(Bengkulu, Lampung.Registration);
        var person = new[] { "2023-06-05", "2023-06-06" }.Select(day => WithEmail(Lampung.Submission("Rina Marlina", day: day)))
            .Append(WithEmail(InEvent(Bengkulu, Lampung.Submission("Rina Marlina"))));
        await PostAsync(api, Enumerable.Range(0, 8).Select(i => Lampung.Submission($"Peserta {i}")).Concat(person)
            .Concat(Enumerable.Range(0, 6).Select(i => InEvent(Bengkulu, Lampung.Submission($"Peserta {i}")))));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        var keyOfPerson = Rows(await ReadAsync(api)).Values.First(r => r["full_name"] == "Rina Marlina")["participant_key"];

        var erased = await api.Services.GetRequiredService<ParticipantErasure>().EraseAsync(new PersonQuery("rina@example.id", null, null, null), Request, preview: false, Ct);
        Assert.Equal(3, erased.Attendances);

        // Cleaning up before the export applied the erasure is named: the person's rows are still in live files.
        var early = await api.Services.GetRequiredService<RemovedFileCleanUp>().RunAsync(immediately: true, Ct);
        Assert.Equal([(Bengkulu, 1L), (Lampung.EventId, 2L)], early.PendingChanges.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
        var summary = await runner.RunAsync("night-2", cancellationToken: Ct);

        var table = await ReadAsync(api);
        Assert.Equal(3, summary.ChangesApplied);
        Assert.Equal(14, table.Rows);
        Assert.DoesNotContain("Rina Marlina", table.Strings("full_name"));
        Assert.DoesNotContain(keyOfPerson, table.Strings("participant_key"));
        Assert.Equal(2, table.Txn[AttendanceExport.ChangesAppId(Lampung.EventId)]);
        Assert.Equal(1, table.Txn[AttendanceExport.ChangesAppId(Bengkulu)]);
        await AssertVerifiesCleanAsync(api);

        // The removed file that held the person's rows stays for the retention, unless cleaned up at once.
        Assert.True((await DataFilesAsync(api)).Count > table.Files.Count);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Empty((await api.Services.GetRequiredService<RemovedFileCleanUp>().RunAsync(immediately: true, Ct)).PendingChanges);
        Assert.Equal(table.Files.Select(f => $"attendance/{f}").Order(StringComparer.Ordinal), (await DataFilesAsync(api)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task After_rewrites_filters_on_session_date_count_every_row_and_every_statistic_bounds_its_file()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await api.RegisterEventAsync(Bengkulu, Lampung.Registration);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        for (var night = 0; night < 3; night++)
        {
            await PostAsync(api, Enumerable.Range(0, 6).Select(i => CheckedIn(Lampung.Submission($"Peserta {night}-{i}", day: $"2023-06-0{5 + ((night + i) % 4)}"), i))
                .Concat(Enumerable.Range(0, 4).Select(i => InEvent(Bengkulu, Lampung.Submission($"Peserta {night}-{i}", day: $"2023-06-0{5 + (i % 4)}")))));
            await runner.RunAsync("night", cancellationToken: Ct);
        }

        // The Lampung rows of the first night's file change: its minimum and maximum event_id and session_date with them.
        foreach (var (id, name) in (await LiveNamesAsync(api, Lampung.EventId)).Where(p => p.Value.StartsWith("Peserta 0-", StringComparison.Ordinal)))
        {
            if (name.EndsWith('0') || name.EndsWith('1'))
            {
                await VoidAsync(api, id);
            }
            else
            {
                await CorrectAsync(api, id, new() { ["regency"] = "18.71" });
            }
        }

        await runner.RunAsync("changes", cancellationToken: Ct);
        var (table, files, _) = await DeltaOracle.CheckStatisticsAsync(Container(api), AnalyticsTables.AttendancePath, Ct);
        Assert.Equal(28, table.Rows);
        StatisticsAssertions.ChunksBounded(files);
        StatisticsAssertions.FiltersCountEveryRow(files, ["session_date", "check_in_at", "received_at"]);
        StatisticsAssertions.DeltaStatisticsBound(table, files, ["event_id", "session_date", "province_code", "regency_code", "check_in_at", "received_at", "source"]);

        // A WHERE event_id = … that skips files by add.stats keeps every row of the event.
        foreach (var eventId in new[] { Lampung.EventId, Bengkulu })
        {
            var kept = table.Files.Where(f => DeltaFileStatistics.MayHold(new DeltaAddFile(f, new Dictionary<string, string>(), 0, 0, true, table.FileStats[f]), "event_id", eventId));
            var rowsKept = kept.Sum(f => files.FileColumns(Path.GetFileName(f))["event_id"].Rows);
            Assert.InRange(table.Strings("event_id").Count(e => e == eventId), 1, rowsKept);
        }

        await AssertVerifiesCleanAsync(api);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_applying_changes_that_crashes_at_any_storage_request_and_is_rerun_applies_each_change_once(bool afterStorageApplied)
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 200).Select(i => Lampung.Submission($"Peserta {i}")));
        var checks = new List<(BlobContainerClient Container, Dictionary<string, string> Expected, long Changes)>();
        for (var request = 1; request <= 100; request++)
        {
            var faults = new FaultInjectionPolicy();
            var settings = new Dictionary<string, string?>(api.Settings)
            {
                ["Export:Container"] = StorageNames.Container("changes-crash"),
                ["AttendanceStorage:MaxRetries"] = "0",
            };
            await using var services = TestServices.Build(settings, configure: s => s.AddStoragePipelinePolicy(faults));
            var runner = services.GetRequiredService<ExportRunner>();
            await runner.RunAsync("before-crash", cancellationToken: Ct);

            // Each round: a correction and a void of rows already exported, and a late sign-in.
            var live = await LiveNamesAsync(api, Lampung.EventId);
            await CorrectAsync(api, live.First(p => p.Value == $"Peserta {request}").Key, new() { ["fullName"] = $"Peserta {request} Dikoreksi" });
            await VoidAsync(api, live.First(p => p.Value == $"Peserta {request + 100}").Key);
            await PostAsync(api, [Lampung.Submission($"Terlambat {request}")]);

            faults.Reset(request, afterStorageApplied);
            try
            {
                await runner.RunAsync("crashing", cancellationToken: Ct);
            }
            catch (Exception ex) when (faults.Fired && ex is Azure.RequestFailedException or AggregateException)
            {
            }

            if (!faults.Fired)
            {
                Assert.True(request > 10, $"a run made only {request - 1} storage requests");
                break;
            }

            faults.Reset(0, afterStorageApplied);
            await runner.RunAsync("rerun", cancellationToken: Ct);
            var counter = await api.Services.GetRequiredService<SubmissionStore>().GetCounterAsync(Lampung.EventId, Ct);
            checks.Add((services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings["Export:Container"]!), await LiveNamesAsync(api, Lampung.EventId), counter!.Changes));
        }

        Assert.InRange(checks.Count, 10, 99);
        TestContext.Current.TestOutputHelper?.WriteLine($"crashed and reran at {checks.Count} storage requests");
        var tables = await DeltaOracle.ReadAsync(checks.Select(c => (c.Container, "attendance")), Ct);
        for (var i = 0; i < checks.Count; i++)
        {
            var ids = tables[i].Strings("submission_id");
            var names = tables[i].Strings("full_name");
            Assert.True(ids.Count == checks[i].Expected.Count && ids.Distinct().Count() == ids.Count,
                $"crash at request {i + 1}: {ids.Count} rows ({ids.Distinct().Count()} distinct) for {checks[i].Expected.Count} live records");
            Assert.Equal(checks[i].Expected.OrderBy(p => p.Key, StringComparer.Ordinal), ids.Zip(names, (id, name) => new KeyValuePair<string, string>(id!, name!)).OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(checks[i].Changes, tables[i].Txn[AttendanceExport.ChangesAppId(Lampung.EventId)]);
        }
    }

    [Fact]
    public async Task Overlapping_runs_apply_each_change_once_between_them_and_leave_the_table_exact()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 40).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        var live = await LiveNamesAsync(api, Lampung.EventId);
        for (var i = 0; i < 5; i++)
        {
            await CorrectAsync(api, live.Single(p => p.Value == $"Peserta {i}").Key, new() { ["fullName"] = $"Peserta {i} Dikoreksi" });
            await VoidAsync(api, live.Single(p => p.Value == $"Peserta {20 + i}").Key);
        }

        await PostAsync(api, [Lampung.Submission("Terlambat")]);
        var summaries = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => runner.RunAsync($"overlap-{i}", cancellationToken: Ct), Ct)));

        Assert.Equal(10, summaries.Sum(s => s.ChangesApplied));
        var table = await ReadAsync(api);
        var expected = await LiveNamesAsync(api, Lampung.EventId);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            table.Strings("submission_id").Zip(table.Strings("full_name"), (id, name) => new KeyValuePair<string, string>(id!, name!)).OrderBy(p => p.Key, StringComparer.Ordinal));
        await AssertVerifiesCleanAsync(api);
    }

    [Fact]
    public async Task An_event_without_new_changes_has_only_its_counter_read_and_one_with_a_change_reads_just_that_change()
    {
        var requests = new FaultInjectionPolicy { Selects = m => m.Request.Method == Azure.Core.RequestMethod.Get };
        await using var api = await StartAsync(s => s.AddStoragePipelinePolicy(requests));
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 5).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        await VoidAsync(api, (await LiveNamesAsync(api, Lampung.EventId)).First().Key);
        await runner.RunAsync("night-2", cancellationToken: Ct);

        requests.Uris.Clear();
        Assert.False((await runner.RunAsync("night-3", cancellationToken: Ct)).Tables[0].Changed);
        Assert.DoesNotContain(requests.Uris, ReadsChanges);
        Assert.DoesNotContain(requests.Uris, u => u.Contains("/attendance/part-", StringComparison.Ordinal));

        await CorrectAsync(api, (await LiveNamesAsync(api, Lampung.EventId)).First().Key, new() { ["fullName"] = "Nama Baru" });
        requests.Uris.Clear();
        Assert.Equal(1, (await runner.RunAsync("night-4", cancellationToken: Ct)).ChangesApplied);
        Assert.Single(requests.Uris, ReadsChanges);

        static bool ReadsChanges(string uri) => Uri.UnescapeDataString(uri).Contains("c|", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_log_lost_with_its_table_is_reported_and_the_changes_made_after_the_loss_are_still_applied()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 4).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        var live = await LiveNamesAsync(api, Lampung.EventId);
        await VoidAsync(api, live.First().Key);
        await VoidAsync(api, live.Last().Key);
        await runner.RunAsync("night-1", cancellationToken: Ct);

        // The submissions table is lost and recreated: numbering resumes, the change log starts again from nothing.
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);
        await PostAsync(api, [Lampung.Submission("Sesudah Hilang"), Lampung.Submission("Kedua")]);
        await VoidAsync(api, (await LiveNamesAsync(api, Lampung.EventId)).Single(p => p.Value == "Sesudah Hilang").Key);
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        var summary = await runner.RunAsync("night-2", cancellationToken: Ct);

        var behind = Assert.Single(summary.ChangesBehind);
        Assert.Equal((Lampung.EventId, 1L, 2L), (behind.EventId, behind.Changes, behind.Mark));
        Assert.True(summary.NeedsAttention);
        Assert.Equal(behind, Assert.Single(report.ChangesBehind));
        Assert.Contains($"changes-behind,{Lampung.EventId},,,1,2,", report.ToCsv(), StringComparison.Ordinal);
        var table = await ReadAsync(api);
        Assert.Equal(1, table.Txn[AttendanceExport.ChangesAppId(Lampung.EventId)]);
        Assert.Contains("Kedua", table.Strings("full_name"));
        Assert.DoesNotContain("Sesudah Hilang", table.Strings("full_name"));

        // The next change after the loss is number 2 of the new log, below the old mark: applied, not skipped.
        await VoidAsync(api, (await LiveNamesAsync(api, Lampung.EventId)).Single(p => p.Value == "Kedua").Key);
        var next = await runner.RunAsync("night-3", cancellationToken: Ct);
        Assert.Empty(next.ChangesBehind);
        Assert.Equal(1, next.ChangesApplied);
        Assert.DoesNotContain("Kedua", (await ReadAsync(api)).Strings("full_name"));
        Assert.Empty((await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct)).ChangesBehind);
    }

    [Fact]
    public async Task A_rebuild_writes_only_live_records_as_they_are_now_and_sets_the_change_mark()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostAsync(api, Enumerable.Range(0, 6).Select(i => Lampung.Submission($"Peserta {i}")));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night-1", cancellationToken: Ct);
        var live = await LiveNamesAsync(api, Lampung.EventId);
        await VoidAsync(api, live.Single(p => p.Value == "Peserta 1").Key);
        await CorrectAsync(api, live.Single(p => p.Value == "Peserta 2").Key, new() { ["fullName"] = "Peserta Dua" });

        await runner.RebuildAttendanceAsync(cancellationToken: Ct);

        var table = await ReadAsync(api);
        Assert.Equal((await LiveNamesAsync(api, Lampung.EventId)).Values.Order(StringComparer.Ordinal), table.Strings("full_name").Order(StringComparer.Ordinal));
        Assert.Equal(2, table.Txn[AttendanceExport.ChangesAppId(Lampung.EventId)]);
        Assert.False((await runner.RunAsync("after-rebuild", cancellationToken: Ct)).Tables[0].Changed);
        await AssertVerifiesCleanAsync(api);
    }

    private Task<ApiServer> StartAsync(Action<IServiceCollection>? configureServices = null, TimeProvider? time = null) =>
        ApiServer.StartAsync(azurite.ConnectionString, time, configureServices, new Dictionary<string, string?> { ["Export:IncludeNames"] = "true" });

    private static Dictionary<string, string> WithEmail(Dictionary<string, string> submission)
    {
        submission["email"] = "Rina@Example.id";
        return submission;
    }

    private static Dictionary<string, string> CheckedIn(Dictionary<string, string> submission, int minute)
    {
        submission["checkInAt"] = $"{submission["sessionDate"]}T08:{minute:D2}:00+07:00";
        return submission;
    }

    private static Dictionary<string, string> InEvent(string eventId, Dictionary<string, string> submission)
    {
        submission["eventId"] = eventId;
        return submission;
    }

    private static async Task PostAsync(ApiServer api, IEnumerable<Dictionary<string, string>> submissions)
    {
        foreach (var batch in submissions.Chunk(50))
        {
            using var response = await api.Client.PostAsJsonAsync("submissions", batch, Ct);
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task CorrectAsync(ApiServer api, string submissionId, Dictionary<string, string?> patch)
    {
        var outcome = await api.Services.GetRequiredService<AttendanceChanges>().CorrectAsync(Lampung.EventId, submissionId, patch, Request, Ct);
        Assert.NotNull(outcome.Change);
    }

    private static async Task VoidAsync(ApiServer api, string submissionId) =>
        await api.Services.GetRequiredService<AttendanceChanges>().VoidAsync(Lampung.EventId, submissionId, Request, Ct);

    /// <summary>The event's live records now: submission id and full name.</summary>
    private static async Task<Dictionary<string, string>> LiveNamesAsync(ApiServer api, string eventId)
    {
        var store = api.Services.GetRequiredService<SubmissionStore>();
        var last = (await store.GetCounterAsync(eventId, Ct))?.Sequence ?? 0;
        return await store.ReadAsync(eventId, 0, last, Ct).Where(r => r.Live is not null)
            .ToDictionaryAsync(r => r.SubmissionId, r => r.Live!.Submission.FullName, cancellationToken: Ct);
    }

    /// <summary>Each row of the table by submission id, every string column by name.</summary>
    private static Dictionary<string, Dictionary<string, string?>> Rows(DeltaRead table)
    {
        var columns = new[] { "submission_id", "event_id", "participant_key", "full_name", "province_code", "regency_code", "regency_name" }
            .ToDictionary(c => c, table.Strings);
        return Enumerable.Range(0, table.Rows).ToDictionary(i => columns["submission_id"][i]!, i => columns.ToDictionary(c => c.Key, c => c.Value[i]));
    }

    private static Task<DeltaRead> ReadAsync(ApiServer api) => DeltaOracle.ReadAsync(Container(api), AnalyticsTables.AttendancePath, Ct);

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);

    private static async Task<List<string>> DataFilesAsync(ApiServer api) =>
        await Container(api).GetBlobsAsync(new GetBlobsOptions { Prefix = "attendance/" }, Ct)
            .Where(b => !b.Name.Contains("/_delta_log/", StringComparison.Ordinal)).Select(b => b.Name).ToListAsync(Ct);

    /// <summary>verify finds the dataset exact and nothing to attend to; a failure shows what it found.</summary>
    private static async Task AssertVerifiesCleanAsync(ApiServer api)
    {
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.True(report.IsClean, string.Join("; ", [.. report.Findings.Select(f => f.ToString()), .. report.Behind.Select(b => b.ToString()), .. report.ChangesBehind.Select(c => c.ToString())]));
    }
}
