using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Integration.Tests.Submissions;

/// <summary>
/// Counts the storage requests of one service container, in all and by kind (a transaction, a read of the counter row
/// or of an event), and can
/// hold every transaction back a while, so sign-ins that arrive meanwhile are sure to queue for the next one.
/// </summary>
internal sealed class StorageRequestLog : HttpPipelinePolicy
{
    private int all;
    private int transactions;
    private int counterReads;
    private int eventReads;

    /// <summary>How long each transaction waits before it is sent.</summary>
    public TimeSpan TransactionDelay { get; set; }

    /// <summary>Every storage request sent, retries included.</summary>
    public int All => Volatile.Read(ref all);

    /// <summary>Point reads of an event's row in the events table (its one partition is <c>event</c>).</summary>
    public int EventReads => Volatile.Read(ref eventReads);

    /// <summary>Entity group transactions sent (<c>POST …/$batch</c>), retries included.</summary>
    public int Transactions => Volatile.Read(ref transactions);

    /// <summary>Point reads of a counter row.</summary>
    public int CounterReads => Volatile.Read(ref counterReads);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var uri = Uri.UnescapeDataString(message.Request.Uri.ToString());
        Interlocked.Increment(ref all);
        if (message.Request.Method == RequestMethod.Get && uri.Contains("(PartitionKey='event',", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref eventReads);
        }

        if (message.Request.Method == RequestMethod.Post && uri.Contains("/$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref transactions);
            if (TransactionDelay > TimeSpan.Zero)
            {
                await Task.Delay(TransactionDelay, message.CancellationToken);
            }
        }
        else if (message.Request.Method == RequestMethod.Get && uri.Contains("RowKey='counter'", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref counterReads);
        }

        await ProcessNextAsync(message, pipeline);
    }
}
