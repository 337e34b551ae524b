namespace Attendance.Storage;

/// <summary>
/// One point read shared by the callers that want it at the same time, none of them answered by a read sent before
/// its own call: a caller joins the read that has not been sent yet, and while one is in flight the callers arriving
/// meanwhile gather for the next, sent when it returns. So a burst of sign-ins to one event costs about one read per
/// storage round trip instead of one per sign-in, and whatever was saved before a call began (a rotated form token)
/// is what that call sees.
/// </summary>
/// <param name="read">The read; it runs for all its callers, so it takes no caller's cancellation.</param>
/// <param name="idle">Called when no read is in flight or waiting, so the owner may drop this instance.</param>
public sealed class FreshRead<T>(Func<Task<T>> read, Action<FreshRead<T>> idle)
{
    private readonly Lock gate = new();
    private bool inFlight;
    private TaskCompletionSource<T>? next;

    /// <summary>The result of a read sent after this call began.</summary>
    public Task<T> JoinAsync(CancellationToken cancellationToken = default)
    {
        Task<T> mine;
        var send = false;
        lock (gate)
        {
            if (next is null)
            {
                next = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                send = !inFlight;
                inFlight = true;
            }

            mine = next.Task;
        }

        if (send)
        {
            _ = Task.Run(SendAsync, CancellationToken.None);
        }

        // A caller that gives up stops waiting; the read goes on for the others.
        return mine.WaitAsync(cancellationToken);
    }

    private async Task SendAsync()
    {
        while (true)
        {
            TaskCompletionSource<T> sending;
            lock (gate)
            {
                if (next is null)
                {
                    inFlight = false;
                    break;
                }

                sending = next;
                next = null;
            }

            try
            {
                sending.TrySetResult(await read());
            }
            catch (Exception ex)
            {
                sending.TrySetException(ex);
            }
        }

        idle(this);
    }
}
