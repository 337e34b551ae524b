using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Testing;

/// <summary>
/// Fails chosen storage requests, to crash the product at a precise step: before a request reaches storage
/// (nothing happened there), or after storage applied it and the response was lost (it happened, the caller
/// does not know). Counts the requests it sees, so a test can fail the 1st, 2nd, ... Nth in turn.
/// </summary>
public sealed class FaultInjectionPolicy : HttpPipelinePolicy
{
    private int seen;

    /// <summary>Which request to fail (1-based, counted over all requests); 0 fails none.</summary>
    public int FailRequestNumber { get; set; }

    /// <summary>Fail only requests this predicate selects (and count only them); null: all.</summary>
    public Func<HttpMessage, bool>? Selects { get; set; }

    /// <summary>Whether storage gets the request before the failure (a lost response) or not (a failed send).</summary>
    public bool AfterStorageApplied { get; set; }

    /// <summary>Fail every selected request (storage down), whatever <see cref="FailRequestNumber"/> says.</summary>
    public bool FailEveryRequest { get; set; }

    /// <summary>The URIs of the selected requests, in order.</summary>
    public List<string> Uris { get; } = [];

    public int RequestsSeen => Volatile.Read(ref seen);

    /// <summary>Whether the chosen request has been failed.</summary>
    public bool Fired { get; private set; }

    public void Reset(int failRequestNumber, bool afterStorageApplied)
    {
        Interlocked.Exchange(ref seen, 0);
        FailRequestNumber = failRequestNumber;
        AfterStorageApplied = afterStorageApplied;
        Fired = false;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var selected = Selects is null || Selects(message);
        if (selected)
        {
            lock (Uris)
            {
                Uris.Add(message.Request.Uri.ToString());
            }
        }

        var fail = selected && (Interlocked.Increment(ref seen) == FailRequestNumber || FailEveryRequest);
        if (fail && !AfterStorageApplied)
        {
            Fired = true;
            throw new RequestFailedException(0, $"Injected fault before request {FailRequestNumber} ({message.Request.Method} {message.Request.Uri.Path}).");
        }

        await ProcessNextAsync(message, pipeline);
        if (fail)
        {
            Fired = true;
            throw new RequestFailedException(0, $"Injected fault after request {FailRequestNumber} ({message.Request.Method} {message.Request.Uri.Path}) was applied.");
        }
    }
}
