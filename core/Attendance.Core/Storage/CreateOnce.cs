namespace Attendance.Storage;

/// <summary>
/// Creates a table or container the first time it is needed, once per process. A failed attempt (storage down)
/// is not remembered, so the next call tries again: the host starts without storage and heals when it returns.
/// </summary>
public sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (created)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await create(cancellationToken);
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
