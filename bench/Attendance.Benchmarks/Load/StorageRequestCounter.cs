using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Benchmarks.Load;

/// <summary>
/// Counts a server's storage round trips (registered per call, so a retry of the pipeline is not counted twice),
/// and among them the entity group transactions (what a sign-in costs in requests to the storage account) and the
/// point reads of an event's counter (what an export run with nothing new must not make).
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long requests;
    private long transactions;
    private long counterReads;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Entity group transactions (<c>POST …/$batch</c>).</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Point reads of a counter row (<c>RowKey='counter'</c>).</summary>
    public long CounterReads => Interlocked.Read(ref counterReads);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref transactions, 0);
        Interlocked.Exchange(ref counterReads, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref requests);
        if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref transactions);
        }
        else if (message.Request.Method == RequestMethod.Get
            && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains("RowKey='counter'", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref counterReads);
        }
    }
}
