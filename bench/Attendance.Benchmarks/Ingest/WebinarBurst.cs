using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Attendance.Benchmarks.Emulator;
using Attendance.Benchmarks.Load;
using Attendance.Submissions;
using Azure.Data.Tables;

namespace Attendance.Benchmarks.Ingest;

/// <summary>
/// An online Bimtek whose participants all press "Kirim" when the host asks: a fixed number of single posts to one
/// event, as fast as <c>concurrency</c> clients can send them, over several servers on one storage account. Nothing
/// stops at a failed post: every answer is counted, and afterwards the event's partition is read key by key to check
/// that each sign-in is stored exactly once and the numbers have no gap.
/// </summary>
internal sealed class WebinarBurst(AzuriteProcess azurite, Participants participants, TableClient submissions)
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json");

    public async Task<BurstResult> RunAsync(
        IReadOnlyList<HttpClient> instances, IReadOnlyList<StorageRequestCounter> storage, string eventId, DateOnly day, int signIns, int concurrency,
        CancellationToken cancellationToken = default)
    {
        long next = -1;
        var statuses = new HttpStatusCode[signIns];
        var latencies = new double[signIns];
        var requestsBefore = storage.Sum(s => s.Requests);
        var transactionsBefore = storage.Sum(s => s.Transactions);
        var azuriteCpu = azurite.CpuTime;
        var clock = Stopwatch.StartNew();

        async Task ClientAsync()
        {
            for (var number = Interlocked.Increment(ref next); number < signIns; number = Interlocked.Increment(ref next))
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(participants.Fields(number, eventId, day));
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = Json;
                var started = Stopwatch.GetTimestamp();
                using var response = await instances[(int)(number % instances.Count)].PostAsync("submissions", content, cancellationToken);
                latencies[number] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                statuses[number] = response.StatusCode;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientAsync, cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        var azuriteCores = (azurite.CpuTime - azuriteCpu).TotalSeconds / seconds;
        var created = statuses.Count(s => s == HttpStatusCode.Created);
        var serverErrors = statuses.Count(s => (int)s >= 500);
        var sorted = latencies.Order().ToArray();
        var stored = await ReadPartitionAsync(eventId, cancellationToken);
        return new BurstResult(
            signIns, concurrency, instances.Count, created, serverErrors, signIns - created - serverErrors,
            Math.Round(seconds, 2), Math.Round(created / seconds, 1),
            Math.Round(LoadRunner.Percentile(sorted, 0.50), 1), Math.Round(LoadRunner.Percentile(sorted, 0.99), 1),
            stored.Records, stored.Attendances, stored.Ids, stored.Counter, stored.Missing,
            Math.Round((double)(storage.Sum(s => s.Requests) - requestsBefore) / Math.Max(1, created), 3),
            Math.Round((double)(storage.Sum(s => s.Transactions) - transactionsBefore) / Math.Max(1, created), 3),
            Math.Round(azuriteCores, 2));
    }

    /// <summary>The partition's rows counted by kind, and the numbers up to the counter that no record holds.</summary>
    private async Task<(long Records, long Attendances, long Ids, long Counter, long Missing)> ReadPartitionAsync(string eventId, CancellationToken cancellationToken)
    {
        long attendances = 0, ids = 0, counter = 0;
        var numbers = new HashSet<long>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {eventId}");
        await foreach (var row in submissions.QueryAsync<TableEntity>(filter, select: ["RowKey", "Sequence"], cancellationToken: cancellationToken))
        {
            if (row.RowKey == SubmissionRows.CounterKey)
            {
                counter = row.GetInt64("Sequence") ?? 0;
            }
            else if (row.RowKey.StartsWith(SubmissionRows.SequencePrefix, StringComparison.Ordinal))
            {
                numbers.Add(SubmissionRows.ParseSequence(row.RowKey));
            }
            else if (row.RowKey.StartsWith(SubmissionRows.AttendancePrefix, StringComparison.Ordinal))
            {
                attendances++;
            }
            else if (row.RowKey.StartsWith(SubmissionRows.IdPrefix, StringComparison.Ordinal))
            {
                ids++;
            }
        }

        var missing = 0L;
        for (var n = 1L; n <= counter; n++)
        {
            missing += numbers.Contains(n) ? 0 : 1;
        }

        return (numbers.Count, attendances, ids, counter, missing);
    }
}
