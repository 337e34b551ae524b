using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Attendance.Storage;

/// <summary>
/// Creates a table or container the first time it is needed, once per process, and again when it has gone: an
/// operation that finds it missing (an operator deleted it, an emulator restarted empty) makes the next
/// <see cref="EnsureAsync"/> create it anew, and <see cref="RunAsync{T}"/> retries the operation once on it, so the
/// service heals without a restart. A failed attempt (storage down) is not remembered either, so the host starts
/// without storage and heals when it returns.
/// </summary>
public sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    /// <summary>For a table: <c>CreateIfNotExists</c>, which is a no-op on a table that is there.</summary>
    public static CreateOnce Table(TableClient table) => new(async ct => await table.CreateIfNotExistsAsync(ct));

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

    /// <summary>Runs <paramref name="operation"/> on the created resource; if it finds the resource gone, creates it and runs it once more.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        try
        {
            return await operation(cancellationToken);
        }
        catch (RequestFailedException ex) when (IsMissing(ex))
        {
            created = false;
            await EnsureAsync(cancellationToken);
            return await operation(cancellationToken);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            await operation(ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Enumerates a query on the resource. A resource found gone holds no rows: the enumeration ends, and the
    /// resource is created again for the next caller.
    /// </summary>
    public async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var rows = query(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var more = false;
            var missing = false;
            try
            {
                more = await rows.MoveNextAsync();
            }
            catch (RequestFailedException ex) when (IsMissing(ex))
            {
                missing = true;
            }

            if (missing)
            {
                created = false;
                await EnsureAsync(cancellationToken);
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    /// <summary>Whether storage said the table or container does not exist (rather than a row or blob).</summary>
    public static bool IsMissing(RequestFailedException ex) =>
        ex.Status == 404 && ex.ErrorCode is "TableNotFound" or "ContainerNotFound" or "ResourceNotFound";
}
