using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attendance.Export;
using Attendance.Integration.Tests.Api;
using Attendance.Submissions;
using Attendance.Testing;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

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

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_submissions_table_deleted_under_load_leaves_every_sign_in_the_store_holds_in_the_table_exactly_once(bool exportedBefore)
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await PostBatchAsync(api, Enumerable.Range(0, 30).Select(i => $"Peserta Awal {i}"));
        var exported = new HashSet<string>(StringComparer.Ordinal);
        if (exportedBefore)
        {
            await runner.RunAsync("before-loss", cancellationToken: Ct);
            exported = await StoredIdsAsync(api);
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

        var stored = await StoredIdsAsync(api);
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
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostBatchAsync(api, Enumerable.Range(0, 12).Select(i => $"Peserta {i}"));
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("before-loss", cancellationToken: Ct);
        await api.Services.GetRequiredService<TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        await PostBatchAsync(api, ["Budi Santoso"]);

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
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostBatchAsync(api, Enumerable.Range(0, 5).Select(i => $"Peserta {i}"));
        await SubmissionsTable(api).DeleteEntityAsync(Lampung.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);

        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Santoso"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(6, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
        Assert.Equal(6, (await StoredIdsAsync(api)).Count);
    }

    [Fact]
    public async Task Numbers_the_store_lost_keep_the_export_mark_where_it_was_and_the_export_and_verify_name_the_range()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await PostBatchAsync(api, Enumerable.Range(0, 4).Select(i => $"Peserta {i}"));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await PostBatchAsync(api, Enumerable.Range(4, 6).Select(i => $"Peserta {i}"));
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

    private static TableClient SubmissionsTable(ApiServer api) =>
        api.Services.GetRequiredService<TableServiceClient>().GetTableClient(api.Settings["Store:SubmissionsTable"]);

    private static async Task PostBatchAsync(ApiServer api, IEnumerable<string> names)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", names.Select(n => Lampung.Submission(n)).ToArray(), Ct);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<HashSet<string>> StoredIdsAsync(ApiServer api)
    {
        var store = api.Services.GetRequiredService<SubmissionStore>();
        var last = await store.GetLastSequenceAsync(Lampung.EventId, Ct);
        return await store.ReadAsync(Lampung.EventId, 0, last, Ct).Select(s => s.SubmissionId).ToHashSetAsync(cancellationToken: Ct);
    }
}
