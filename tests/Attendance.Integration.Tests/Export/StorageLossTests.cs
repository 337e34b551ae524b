using Azure.Data.Tables;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Storage that loses the submissions table, an event's counter or some of its rows: numbering never restarts below
/// what was stored or exported, so the next export takes every sign-in the store holds exactly once, and numbers the
/// store lost hold the event's export back and are named by the export and by <c>verify</c>.
/// </summary>
public sealed class StorageLossTests(AzuriteFixture azurite)
{
    private const int Clients = 6;
    private const int PostsPerClient = 10;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_submissions_table_deleted_under_load_leaves_every_sign_in_the_store_holds_in_the_table_exactly_once(bool exportedBefore)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await api.PostLampungAsync(Enumerable.Range(0, 30).Select(i => $"Peserta Awal {i}"));
        var exported = new HashSet<string>(StringComparer.Ordinal);
        if (exportedBefore)
        {
            await runner.RunAsync("before-loss", cancellationToken: Ct);
            exported = await api.StoredLampungIdsAsync();
        }

        // Clients post one by one; once a third of their posts are in, the table is deleted under them.
        var accepted = 0;
        var deleteNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statuses = new List<HttpStatusCode>();
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < PostsPerClient; i++)
            {
                using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission($"Peserta {c} {i}"), Ct);
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }

                if (Interlocked.Increment(ref accepted) == Clients * PostsPerClient / 3)
                {
                    deleteNow.SetResult();
                }
            }
        }, Ct)).ToList();
        await deleteNow.Task.WaitAsync(Ct);
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);
        await Task.WhenAll(clients);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));

        var stored = await api.StoredLampungIdsAsync();
        Assert.NotEmpty(stored);
        var summary = await runner.RunAsync("after-loss", cancellationToken: Ct);
        Assert.Empty(summary.Lost);

        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        var ids = table.Strings("submission_id");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Superset(stored.ToHashSet<string?>(), ids.ToHashSet());
        Assert.Superset(exported.ToHashSet<string?>(), ids.ToHashSet());
        Assert.Equal(exported.Count + stored.Count, ids.Count);
        Assert.Equal(exported.Count + stored.Count, table.Txn[AttendanceExport.AppId(Lampung.EventId)]);
    }

    [Fact]
    public async Task A_table_deleted_after_an_export_resumes_numbering_above_the_mark_and_verify_names_where()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 12).Select(i => $"Peserta {i}"));
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("before-loss", cancellationToken: Ct);
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        await api.PostLampungAsync(["Budi Santoso"]);

        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(13, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        var resumption = Assert.Single(report.Resumptions);
        Assert.Equal((Lampung.EventId, 12L), (resumption.EventId, resumption.After));
        Assert.Empty(report.Lost);
    }

    [Fact]
    public async Task A_counter_row_deleted_alone_resumes_after_the_highest_stored_number()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 5).Select(i => $"Peserta {i}"));
        await SubmissionsTable(api).DeleteEntityAsync(Lampung.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);

        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Santoso"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(6, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
        Assert.Equal(6, (await api.StoredLampungIdsAsync()).Count);
    }

    [Fact]
    public async Task Numbers_the_store_lost_keep_the_export_mark_where_it_was_and_the_export_and_verify_name_the_range()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 4).Select(i => $"Peserta {i}"));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await api.PostLampungAsync(Enumerable.Range(4, 6).Select(i => $"Peserta {i}"));
        await SubmissionsTable(api).DeleteEntityAsync(Lampung.EventId, SubmissionRows.SequenceKey(6), cancellationToken: Ct);
        await SubmissionsTable(api).DeleteEntityAsync(Lampung.EventId, SubmissionRows.SequenceKey(7), cancellationToken: Ct);

        var summary = await runner.RunAsync("after-loss", cancellationToken: Ct);

        Assert.Equal([new SequenceGap(Lampung.EventId, 6, 7)], summary.Lost);
        Assert.Equal(0, summary.Tables[0].RowsAdded);
        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        Assert.Equal(4, table.Txn[AttendanceExport.AppId(Lampung.EventId)]);
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.False(report.IsExact);
        Assert.Equal([new SequenceGap(Lampung.EventId, 6, 7)], report.Lost);
        Assert.Contains($"lost,{Lampung.EventId},,#6-#7,2,0,", report.ToCsv(), StringComparison.Ordinal);

        // The API's summary says it too, for whoever runs the export by hand.
        using var request = new HttpRequestMessage(HttpMethod.Post, "exports");
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, Ct);
        var lost = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("lost");
        Assert.Equal((6, 7), (lost[0].GetProperty("from").GetInt64(), lost[0].GetProperty("to").GetInt64()));
    }

    [Fact]
    public async Task A_table_deleted_before_any_export_is_recorded_as_a_resumption_after_0_and_fails_verify_until_acknowledged()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 5).Select(i => $"Peserta {i}"));

        // Saving the event again must keep the record that its numbering started.
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var eventRow = await api.Services.GetRequiredService<TableServiceClient>().GetTableClient(api.Settings["Store:EventsTable"])
            .GetEntityAsync<TableEntity>("event", Lampung.EventId, cancellationToken: Ct);
        Assert.True(eventRow.Value.GetBoolean("NumberingStarted"));
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        await api.PostLampungAsync(["Budi Santoso"]);

        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(1, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
        var resumption = await store.GetResumptionAsync(Lampung.EventId, Ct);
        Assert.Equal((Lampung.EventId, 0L, false), (resumption?.EventId, resumption?.After, resumption?.Acknowledged));

        using var request = new HttpRequestMessage(HttpMethod.Post, "exports");
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, json.GetProperty("resumptions")[0].GetProperty("after").GetInt64());
        Assert.True(json.GetProperty("needsAttention").GetBoolean());

        var reconciliation = api.Services.GetRequiredService<Reconciliation>();
        var report = await reconciliation.RunAsync(Ct);
        Assert.True(report.IsExact);
        Assert.False(report.IsClean);
        Assert.Contains($"resumed,{Lampung.EventId},,#0,", report.ToCsv(), StringComparison.Ordinal);

        Assert.True(await store.AcknowledgeResumptionAsync(Lampung.EventId, resumption!.At, Ct));
        var clean = await reconciliation.RunAsync(Ct);
        Assert.True(clean.IsClean, string.Join("; ", clean.Findings));

        // The acknowledgement stays with the counter as sign-ins move it.
        await api.PostLampungAsync(["Siti Rahayu"]);
        Assert.True((await store.GetResumptionAsync(Lampung.EventId, Ct))!.Acknowledged);
    }

    [Fact]
    public async Task A_new_events_first_sign_in_on_a_table_found_missing_is_no_resumption()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(["Peserta Lain"]);
        await api.RegisterEventAsync("bimtek-baru-2023", Lampung.Registration);
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        var submission = Lampung.Submission("Budi Santoso").With("eventId", "bimtek-baru-2023");
        using var response = await api.Client.PostAsJsonAsync("submissions", submission, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(await api.Services.GetRequiredService<SubmissionStore>().GetResumptionAsync("bimtek-baru-2023", Ct));
    }

    [Fact]
    public async Task A_counter_restored_behind_the_mark_is_reported_and_moved_up_so_later_sign_ins_are_exported()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        // The submissions table restored from the copy taken after 4 sign-ins; the export's mark stays at 10.
        var runner = await RestoreBehindTheMarkAsync(api);

        await api.PostLampungAsync(["Budi Santoso", "Siti Rahayu"]);

        var summary = await runner.RunAsync("after-restore", cancellationToken: Ct);

        var behind = Assert.Single(summary.Behind);
        Assert.Equal((Lampung.EventId, 6L, 10L), (behind.EventId, behind.Counter, behind.Mark));
        Assert.Equal([5L, 6L], behind.NotExportable);
        Assert.True(summary.NeedsAttention);
        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(10, await store.GetLastSequenceAsync(Lampung.EventId, Ct));

        await api.PostLampungAsync(["Dewi Lestari"]);
        var next = await runner.RunAsync("after-raise", cancellationToken: Ct);
        Assert.Equal(1, next.Tables[0].RowsAdded);
        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        Assert.Equal(11, table.Txn[AttendanceExport.AppId(Lampung.EventId)]);

        // The two numbered below the mark are in the store up to the mark and not in the table: verify names them.
        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.Equal(2, report.Findings.Count(f => f.Kind == FindingKind.Missing));
        Assert.False(report.IsClean);
    }

    [Fact]
    public async Task A_counter_restored_behind_the_mark_and_carried_past_it_by_sign_ins_is_reported_with_the_numbers_below_the_mark()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var runner = await RestoreBehindTheMarkAsync(api);

        // Eight sign-ins after the restore: numbers 5 to 12, of which 5 to 10 sit at or below the mark.
        await api.PostLampungAsync(Enumerable.Range(0, 8).Select(i => $"Peserta Baru {i}"));

        var summary = await runner.RunAsync("after-restore", cancellationToken: Ct);

        var behind = Assert.Single(summary.Behind);
        Assert.Equal((12L, 10L), (behind.Counter, behind.Mark));
        Assert.Equal([5L, 6L, 7L, 8L, 9L, 10L], behind.NotExportable);
        Assert.Equal(2, summary.Tables[0].RowsAdded);
    }

    [Fact]
    public async Task A_new_events_first_sign_in_does_not_read_the_delta_table_and_an_unreadable_mark_is_503_not_500()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);

        // A Delta log that cannot be parsed: any read of the mark fails.
        var container = api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient($"{AnalyticsTables.AttendancePath}/_delta_log/00000000000000000000.json")
            .UploadAsync(BinaryData.FromString("{ not a delta log"), overwrite: true, Ct);

        using (var first = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Peserta 0"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        // Once numbering has started, a missing counter must read the mark: refused, retryable, nothing stored.
        await SubmissionsTable(api).DeleteEntityAsync(Lampung.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);
        using var second = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Peserta 1"), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Single(await api.StoredLampungIdsAsync(upTo: 10));
    }

    private static TableClient SubmissionsTable(ApiServer api) =>
        api.Services.GetRequiredService<TableServiceClient>().GetTableClient(api.Settings["Store:SubmissionsTable"]);

    /// <summary>
    /// Ten sign-ins exported (the mark at 10), then the submissions table restored from a copy taken after the first
    /// four: the counter stands at 4, behind the mark. Returns the export runner.
    /// </summary>
    private static async Task<ExportRunner> RestoreBehindTheMarkAsync(ApiServer api)
    {
        await api.PostLampungAsync(Enumerable.Range(0, 4).Select(i => $"Peserta {i}"));
        var backup = await SubmissionsTable(api).QueryAsync<TableEntity>(e => e.PartitionKey == Lampung.EventId, cancellationToken: Ct).ToListAsync(Ct);
        await api.PostLampungAsync(Enumerable.Range(4, 6).Select(i => $"Peserta {i}"));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("before-restore", cancellationToken: Ct);
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);
        await SubmissionsTable(api).CreateIfNotExistsAsync(Ct);
        foreach (var entity in backup)
        {
            await SubmissionsTable(api).AddEntityAsync(entity, Ct);
        }

        return runner;
    }
}
