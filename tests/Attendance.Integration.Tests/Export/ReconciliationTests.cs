using Attendance.Integration.Tests.Cli;

namespace Attendance.Integration.Tests.Export;

public sealed class ReconciliationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task After_an_export_the_table_reconciles_exactly_and_later_submissions_are_pending_not_differences()
    {
        await using var api = await ExportedAsync(30);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Belum Diekspor"), Ct)).Dispose();

        var report = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);

        Assert.True(report.IsExact);
        Assert.Empty(report.Findings);
        Assert.Equal(30, report.Days.Sum(d => d.Store));
        Assert.Equal(30, report.Days.Sum(d => d.Table));
        Assert.Equal(1, report.PendingByEvent[Lampung.EventId]);
        var csv = await Container(api).DownloadIfExistsAsync(Reconciliation.ReportBlobName, Ct);
        var lines = csv!.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,event_id,session_date,submission_id,store_count,table_count,checked_at", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"day,{Lampung.EventId},2023-06-05,,30,30,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"pending,{Lampung.EventId},,,1,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_committed_twice_is_reported_as_duplicates_and_a_removed_file_as_missing()
    {
        await using var api = await ExportedAsync(12);
        var container = Container(api);
        var table = new DeltaTable(container, AnalyticsTables.AttendancePath);
        var snapshot = await table.LoadAsync(Ct);
        var (path, add) = snapshot.Files.Single();
        var copy = "copy-" + path;
        await container.UploadBlobAsync(table.FileBlobName(copy), (await container.DownloadIfExistsAsync(table.FileBlobName(path), Ct))!, Ct);
        Assert.True(await table.TryCommitAsync(snapshot.Version + 1, [new DeltaAction { Add = add with { Path = copy } }], Ct));

        var duplicated = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.False(duplicated.IsExact);
        Assert.Equal(12, duplicated.Findings.Count(f => f.Kind == FindingKind.Duplicate && f.Table == 2));

        Assert.True(await table.TryCommitAsync(snapshot.Version + 2,
            [new DeltaAction { Remove = new DeltaRemoveFile(path, 0, true) }, new DeltaAction { Remove = new DeltaRemoveFile(copy, 0, true) }], Ct));
        var emptied = await api.Services.GetRequiredService<Reconciliation>().RunAsync(Ct);
        Assert.Equal(12, emptied.Findings.Count(f => f.Kind == FindingKind.Missing));
        Assert.All(emptied.Days, d => Assert.Equal(0, d.Table));
    }

    [Fact]
    public async Task The_verify_command_exits_0_when_exact_and_1_on_a_difference()
    {
        await using var api = await ExportedAsync(5);
        Assert.Equal(0, await RunCliAsync(api, "verify"));

        var container = Container(api);
        var table = new DeltaTable(container, AnalyticsTables.AttendancePath);
        var snapshot = await table.LoadAsync(Ct);
        Assert.True(await table.TryCommitAsync(snapshot.Version + 1, [new DeltaAction { Remove = new DeltaRemoveFile(snapshot.Files.Keys.Single(), 0, true) }], Ct));
        Assert.Equal(1, await RunCliAsync(api, "verify"));
    }

    private static async Task<int> RunCliAsync(ApiServer api, string command) =>
        (await CliProcess.RunAsync(command, api.Settings, Ct)).ExitCode;

    private async Task<ApiServer> ExportedAsync(int count)
    {
        var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        (await api.Client.PostAsJsonAsync("submissions", Enumerable.Range(0, count).Select(i => Lampung.Submission($"Peserta {i}")).ToArray(), Ct)).Dispose();
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("test", cancellationToken: Ct);
        return api;
    }

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
}
