using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Benchmarks.Load;

/// <summary>
/// Counts a server's storage round trips (registered per call, so a retry of the pipeline is not counted twice),
/// and among them the entity group transactions: what a sign-in costs in requests to the storage account.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long requests;
    private long transactions;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Entity group transactions (<c>POST …/$batch</c>).</summary>
    public long Transactions => Interlocked.Read(ref transactions);

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
    }
}
