using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Benchmarks.Idle;

/// <summary>Counts the storage requests the product's clients send: all of them, and the point reads of a counter.</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private int requests;
    private int counterReads;

    public int Requests => Volatile.Read(ref requests);

    public int CounterReads => Volatile.Read(ref counterReads);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
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
        if (message.Request.Method == RequestMethod.Get
            && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains("RowKey='counter'", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref counterReads);
        }
    }
}
