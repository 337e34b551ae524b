using System.Globalization;
using Attendance.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Attendance.Submissions;

/// <summary>
/// The index of events changed since the export last took them, kept consistent with the counters (layout:
/// <see cref="SubmissionRows"/>, partition <see cref="SubmissionRows.IndexPartition"/>), so a run with nothing new
/// reads no counter and costs the same at 10 events as at 10,000.
/// <list type="bullet">
/// <item>A writer (a sign-in, a correction, a void, an erasure) that finds the counter without
/// <see cref="SubmissionRows.ListedProperty"/> writes the event's marker <c>e|{eventId}</c> first
/// (<see cref="ListAsync"/>), then commits its transaction with the flag set on the counter
/// (<see cref="SetListed"/>). The common case, a counter already listed, costs nothing more. So whenever a counter
/// carries the flag, its marker exists.</item>
/// <item>The export lists the markers (one query per 1,000), reads the counters of the marked events only, exports
/// them up to those counters and then clears each one (<see cref="ClearAsync"/>): it reads the counter again and,
/// only if it still stands where the export took it, replaces it without the flag under that read's ETag, then deletes
/// the marker under the ETag it listed. A writer that committed after that read either fails on the ETag and finds the
/// flag gone, or finds it gone to begin with: either way it writes the marker again before its transaction, and a
/// marker written again has a new ETag, so the delete leaves it.</item>
/// <item>The index is trusted only when its record <c>epoch</c> says a full pass over every event completed for the
/// same analytics table (<see cref="IndexRun.Complete"/>). A missing record (the first run after an upgrade, the
/// submissions table deleted and created again), another table (another container, the attendance table created
/// again) or a run that asks for it makes the export read every counter, as it always did, and record the index
/// complete at its end.</item>
/// </list>
/// Dropping the flag is always safe (it costs the next writer a marker), so only the writers above set it and
/// nothing else copies it.
/// </summary>
public sealed class ChangedEvents(TableServiceClient tables, IOptions<StoreOptions> options, TimeProvider time)
{
    private const string TableProperty = "Table";
    private const string CompleteProperty = "Complete";
    private const string DueAfterProperty = "DueAfter";

    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);
    private CreateOnce? ready;

    private CreateOnce Ready => ready ??= CreateOnce.Table(table);

    /// <summary>Whether a counter (null when missing) carries the flag, so its event's marker exists.</summary>
    public static bool IsListed(TableEntity? counter) => counter?.GetBoolean(SubmissionRows.ListedProperty) == true;

    /// <summary>
    /// For a writer, before its transaction: writes the event's marker unless <paramref name="counter"/> (as the
    /// writer read it; null when missing) carries the flag. Replaces any marker there, so its ETag changes.
    /// </summary>
    public async Task ListAsync(string eventId, TableEntity? counter, CancellationToken cancellationToken = default)
    {
        if (IsListed(counter))
        {
            return;
        }

        await table.UpsertEntityAsync(
            new TableEntity(SubmissionRows.IndexPartition, SubmissionRows.MarkerKey(eventId)) { ["At"] = time.GetUtcNow() },
            TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Sets the flag on the counter a writer commits (after <see cref="ListAsync"/>).</summary>
    public static void SetListed(TableEntity counter) => counter[SubmissionRows.ListedProperty] = true;

    /// <summary>
    /// For the export, at the start of a run: the markers, and whether the index can be trusted for the analytics
    /// table <paramref name="tableIdentity"/>. When it cannot (or <paramref name="allEvents"/> asks for a full pass),
    /// the record is set incomplete first, so a run cut short leaves it untrusted.
    /// </summary>
    public async Task<IndexRun> OpenAsync(string tableIdentity, bool allEvents, CancellationToken cancellationToken = default)
    {
        // A submissions table found missing (nothing stored yet, or deleted) is created: then it has no record either.
        var epoch = await Ready.RunAsync(ct => table.FindAsync(SubmissionRows.IndexPartition, SubmissionRows.IndexEpochKey, ct), cancellationToken);
        var markers = await ListMarkersAsync(cancellationToken);
        if (!allEvents && epoch is not null && epoch.GetBoolean(CompleteProperty) == true && epoch.GetString(TableProperty) == tableIdentity)
        {
            return new IndexRun(true, markers, epoch.ETag);
        }

        var incomplete = new TableEntity(SubmissionRows.IndexPartition, SubmissionRows.IndexEpochKey)
        {
            [TableProperty] = tableIdentity,
            [CompleteProperty] = false,
        };
        var response = await Ready.RunAsync(ct => table.UpsertEntityAsync(incomplete, TableUpdateMode.Replace, ct), cancellationToken);
        return new IndexRun(false, markers, response.Headers.ETag ?? ETag.All);
    }

    /// <summary>
    /// After a full pass that exported every event up to the counters it read: records the index complete for
    /// <paramref name="tableIdentity"/>, under the ETag the run set it incomplete with (another run's start, or the
    /// table created again, leaves it as that left it).
    /// </summary>
    public async Task<bool> CompleteAsync(IndexRun run, string tableIdentity, CancellationToken cancellationToken = default)
    {
        var complete = new TableEntity(SubmissionRows.IndexPartition, SubmissionRows.IndexEpochKey)
        {
            [TableProperty] = tableIdentity,
            [CompleteProperty] = true,
            ["CompletedAt"] = time.GetUtcNow(),
        };
        try
        {
            await table.UpdateEntityAsync(complete, run.EpochETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// After the export took an event up to <paramref name="sequence"/> and <paramref name="changes"/> (as its counter
    /// stood when the run read it): reads the counter again and, if it still stands there, replaces it without the
    /// flag under that read's ETag and deletes the marker under <paramref name="markerETag"/>. Returns whether the
    /// marker went; a counter moved meanwhile or a marker written again keeps it for the next run.
    /// </summary>
    public async Task<bool> ClearAsync(string eventId, long sequence, long changes, ETag markerETag, CancellationToken cancellationToken = default)
    {
        var counter = await table.FindAsync(eventId, SubmissionRows.CounterKey, cancellationToken);
        if (counter is null
            || (counter.GetInt64("Sequence") ?? 0) != sequence
            || (counter.GetInt64(SubmissionRows.ChangesProperty) ?? 0) != changes)
        {
            return false;
        }

        try
        {
            if (IsListed(counter))
            {
                await table.UpdateEntityAsync(WithoutFlag(counter), counter.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            await table.DeleteEntityAsync(SubmissionRows.IndexPartition, SubmissionRows.MarkerKey(eventId), markerETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // The counter moved (a writer committed after the read) or the marker was written again: it stays.
            return false;
        }
    }

    /// <summary>Events whose contacts were cleared, with the day after which they were due then.</summary>
    public async Task<Dictionary<string, DateOnly>> ListContactsDoneAsync(CancellationToken cancellationToken = default)
    {
        var done = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        await foreach (var row in QueryIndexAsync(SubmissionRows.ContactsDoneRange, ["RowKey", DueAfterProperty], cancellationToken))
        {
            if (row.GetString(DueAfterProperty) is { } due)
            {
                done[SubmissionRows.ParseIndexedEvent(row.RowKey)] = DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return done;
    }

    /// <summary>Records that an event's contacts, due after <paramref name="dueAfter"/>, are cleared and its counter says so.</summary>
    public async Task RecordContactsDoneAsync(string eventId, DateOnly dueAfter, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(
            new TableEntity(SubmissionRows.IndexPartition, SubmissionRows.ContactsDoneKey(eventId))
            {
                [DueAfterProperty] = dueAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            TableUpdateMode.Replace, cancellationToken);

    private async Task<Dictionary<string, ETag>> ListMarkersAsync(CancellationToken cancellationToken)
    {
        var markers = new Dictionary<string, ETag>(StringComparer.Ordinal);
        await foreach (var row in QueryIndexAsync(SubmissionRows.MarkerRange, ["RowKey"], cancellationToken))
        {
            markers[SubmissionRows.ParseIndexedEvent(row.RowKey)] = row.ETag;
        }

        return markers;
    }

    private async IAsyncEnumerable<TableEntity> QueryIndexAsync(
        RowKeyRange range, IEnumerable<string> select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SubmissionRows.IndexPartition} and RowKey ge {range.From} and RowKey lt {range.Until}");
        await foreach (var row in Ready.ReadAllAsync(ct => table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: ct), cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The counter as it is, without the flag: every other property kept.</summary>
    private static TableEntity WithoutFlag(TableEntity counter)
    {
        var copy = new TableEntity(counter.PartitionKey, counter.RowKey);
        foreach (var (name, value) in counter)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or SubmissionRows.ListedProperty) && value is not null)
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}

/// <summary>
/// What the export found in the index at the start of a run: whether it can be trusted (<paramref name="Complete"/>;
/// otherwise the run reads every counter), the markers with the ETags they were listed under, and the ETag of the
/// index's record.
/// </summary>
public sealed record IndexRun(bool Complete, IReadOnlyDictionary<string, ETag> Markers, ETag EpochETag);
