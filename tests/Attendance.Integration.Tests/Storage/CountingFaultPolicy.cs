using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage;

/// <summary>
/// Counts the attempts that reach it and throws an <see cref="IOException"/> (what a dropped connection looks like
/// to Azure.Core, hence retried) on those <see cref="ShouldFail"/> picks. The way export tests fail the Nth storage request.
/// </summary>
internal sealed class CountingFaultPolicy : HttpPipelinePolicy
{
    private readonly Func<int, HttpMessage, bool> shouldFail;
    private int attempts;

    public CountingFaultPolicy(Func<int, HttpMessage, bool>? shouldFail = null)
    {
        this.shouldFail = shouldFail ?? ((_, _) => false);
    }

    public int Attempts => Volatile.Read(ref attempts);

    public List<string> Uris { get; } = [];

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
        var attempt = Interlocked.Increment(ref attempts);
        lock (Uris)
        {
            Uris.Add(message.Request.Uri.ToString());
        }

        if (shouldFail(attempt, message))
        {
            throw new IOException($"Injected failure of storage attempt {attempt}.");
        }
    }
}
