namespace Attendance.Integration.Tests.Export;

/// <summary>
/// Crashes the export at every storage request it makes, before the request reaches storage and after storage
/// applied it (the response lost), in a first run and in an incremental run; then reruns without faults. Every
/// resulting table must hold every stored submission exactly once, as independent readers see it.
/// </summary>
public sealed class ExportFaultTests(AzuriteFixture azurite)
{
    private const int MaxRequestsPerRun = 200;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task A_run_that_crashes_at_any_storage_request_and_is_rerun_leaves_every_submission_in_the_table_once(
        bool incremental, bool afterStorageApplied)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await api.PostLampungAsync(Enumerable.Range(0, 40).Select(i => $"Peserta {i}"));

        var checks = new List<(BlobContainerClient Container, HashSet<string> Expected)>();
        for (var request = 1; request <= MaxRequestsPerRun; request++)
        {
            var faults = new FaultInjectionPolicy();
            var settings = new Dictionary<string, string?>(api.Settings)
            {
                ["Export:Container"] = StorageNames.Container("crash"),
                ["AttendanceStorage:MaxRetries"] = "0",
            };
            await using var services = TestServices.Build(settings, configure: s => s.AddStoragePipelinePolicy(faults));
            var runner = services.GetRequiredService<ExportRunner>();
            if (incremental)
            {
                await runner.RunAsync("before-crash", cancellationToken: Ct);
                await api.PostLampungAsync([$"Terlambat {request}a", $"Terlambat {request}b"]);
            }

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
                // The run made fewer requests than this: every crash point has been tried.
                Assert.True(request > 5, $"a run made only {request - 1} storage requests");
                break;
            }

            faults.Reset(0, afterStorageApplied);
            await runner.RunAsync("rerun", cancellationToken: Ct);
            checks.Add((services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings["Export:Container"]!), await api.StoredLampungIdsAsync()));
        }

        Assert.InRange(checks.Count, 6, MaxRequestsPerRun - 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"crashed and reran at {checks.Count} storage requests");
        var tables = await DeltaOracle.ReadAsync(checks.Select(c => (c.Container, "attendance")), Ct);
        for (var i = 0; i < checks.Count; i++)
        {
            var ids = tables[i].Strings("submission_id");
            Assert.True(ids.Count == checks[i].Expected.Count && ids.ToHashSet().SetEquals(checks[i].Expected),
                $"crash at request {i + 1}: the table holds {ids.Count} rows ({ids.Distinct().Count()} distinct) for {checks[i].Expected.Count} stored submissions");
            Assert.Equal(checks[i].Expected.Count, tables[i].Txn[AttendanceExport.AppId(Lampung.EventId)]);
        }
    }

    [Fact]
    public async Task A_log_commit_whose_response_is_lost_and_retried_by_the_pipeline_keeps_its_file()
    {
        // The pipeline's retry of the create-only commit gets 409 from the commit it made itself; taking that for a
        // lost race would delete the file the table now references.
        var faults = new FaultInjectionPolicy { Selects = m => m.Request.Method == Azure.Core.RequestMethod.Put && m.Request.Uri.Path.Contains("/_delta_log/", StringComparison.Ordinal) };
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: s => s.AddStoragePipelinePolicy(faults));
        await api.PostLampungAsync(Enumerable.Range(0, 25).Select(i => $"Peserta {i}"));

        faults.Reset(failRequestNumber: 1, afterStorageApplied: true);
        var summary = await api.Services.GetRequiredService<ExportRunner>().RunAsync("lost-response", cancellationToken: Ct);
        Assert.True(faults.Fired);
        Assert.Equal(25, summary.Tables[0].RowsAdded);

        var table = await DeltaOracle.ReadAsync(api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container), "attendance", Ct);
        Assert.Equal((await api.StoredLampungIdsAsync()).Order(StringComparer.Ordinal), table.Strings("submission_id").Order(StringComparer.Ordinal));
    }
}
