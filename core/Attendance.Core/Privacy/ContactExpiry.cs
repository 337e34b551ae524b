using Attendance.Events;
using Attendance.Export;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Privacy;

/// <summary>
/// Clears the email and phone of every stored attendance of an event once <see cref="PrivacyOptions.ContactRetention"/>
/// has passed since its last day (UU 27/2022: kept no longer than the purpose needs). Each record is replaced under its
/// ETag, without its contacts and with the participant's pseudonymous key as it was (<see cref="ClearedContacts"/>), so
/// the analytics keep linking that person's attendances. Restartable: a run cut short leaves the rest to the next, which
/// finds only records that still hold contacts. When an event is done its counter records it
/// (<c>ContactsClearedAt</c>); any later sign-in or change replaces the counter without that mark, so the next run
/// looks at that event again. A done event is also recorded in the index of changed events (<c>x|{eventId}</c> with
/// the day its contacts were due, <see cref="ChangedEvents"/>), so a run with nothing new reads no counter: it lists
/// those records (one query per 1,000) and reads the counter only of an expired event that has none (or one for
/// another due day: the retention or the event's dates changed) or that the index marks as changed since the last run.
/// On a full pass (the index not trusted) every expired event's counter is read, as before.
/// </summary>
public sealed partial class ContactExpiry(
    TableServiceClient tables,
    IOptions<StoreOptions> storeOptions,
    IOptions<PrivacyOptions> privacyOptions,
    IOptions<ExportOptions> exportOptions,
    RegionDirectory regions,
    ChangedEvents changedEvents,
    TimeProvider time,
    ILogger<ContactExpiry> logger)
{
    public const string ClearedMarkProperty = "ContactsClearedAt";

    private const int MaxRaces = 50;

    private readonly TableClient table = tables.GetTableClient(storeOptions.Value.SubmissionsTable);

    /// <summary>
    /// Clears the contacts of every event in <paramref name="events"/> whose retention ran out; returns how many records
    /// it cleared. With <paramref name="changed"/> (the events the index of changed events marked at the start of the
    /// run), an expired event recorded done for its due day and not changed since is passed over unread; without it
    /// (a full pass), every expired event's counter is read.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<TrainingEvent> events, IReadOnlySet<string>? changed = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var secret = exportOptions.Value.PseudonymSecret();
        var fingerprint = PseudonymKeyFingerprint.Compute(secret);
        var expired = events.Where(e => Expired(e, now)).ToList();
        var done = expired.Count == 0 ? [] : await changedEvents.ListContactsDoneAsync(cancellationToken);
        var cleared = 0;
        foreach (var trainingEvent in expired)
        {
            var dueAfter = ExpiresAfter(trainingEvent);
            var recorded = done.TryGetValue(trainingEvent.Id, out var doneFor) && doneFor == dueAfter;
            if (changed is not null && recorded && !changed.Contains(trainingEvent.Id))
            {
                // Done for this due day and nothing written to the event since.
                continue;
            }

            var counter = await table.FindAsync(trainingEvent.Id, SubmissionRows.CounterKey, cancellationToken);
            if (counter is null || counter.GetDateTimeOffset(ClearedMarkProperty) is not null)
            {
                // Nothing stored, or done and nothing new since: recorded, so the next run does not read it again.
                if (!recorded)
                {
                    await changedEvents.RecordContactsDoneAsync(trainingEvent.Id, dueAfter, cancellationToken);
                }

                continue;
            }

            var count = await ClearEventAsync(trainingEvent.Id, now, secret, fingerprint, cancellationToken);
            if (await MarkDoneAsync(counter, now, cancellationToken) && !recorded)
            {
                await changedEvents.RecordContactsDoneAsync(trainingEvent.Id, dueAfter, cancellationToken);
            }

            if (count > 0)
            {
                LogCleared(logger, trainingEvent.Id, count, privacyOptions.Value.ContactRetention.Days);
            }

            cleared += count;
        }

        return cleared;
    }

    /// <summary>The day after which an event's contacts go: its last day plus the retention.</summary>
    public DateOnly ExpiresAfter(TrainingEvent trainingEvent) =>
        trainingEvent.EndDate.AddDays((int)Math.Ceiling(privacyOptions.Value.ContactRetention.TotalDays));

    private bool Expired(TrainingEvent trainingEvent, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.UtcDateTime) > ExpiresAfter(trainingEvent);

    private async Task<int> ClearEventAsync(string eventId, DateTimeOffset now, byte[] secret, string fingerprint, CancellationToken cancellationToken)
    {
        // Only records that hold a contact: a property absent from a row never compares greater than ''.
        var (from, until) = SubmissionRows.SequenceRange;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {eventId} and RowKey ge {from} and RowKey lt {until} and (Email gt {""} or Phone gt {""})");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await ClearAsync(row, now, secret, fingerprint, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Replaces one record without its contacts under its ETag; reads it again when a correction moved it.</summary>
    private async Task<bool> ClearAsync(TableEntity row, DateTimeOffset now, byte[] secret, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxRaces; attempt++)
        {
            if (SubmissionRows.ReadStoreRecord(row, regions) is not { Attendance: { } attendance } record
                || (attendance.Email is null && attendance.Phone is null))
            {
                return false;
            }

            var key = record.Cleared is { } earlier && earlier.KeyFingerprint == fingerprint ? earlier.ParticipantKey : attendance.Identity.PseudonymKey(secret);
            var replacement = SubmissionRows.Record(record.Sequence, record.SubmissionId, record.ReceivedAt,
                attendance with { Email = null, Phone = null }, new ClearedContacts(now, key, fingerprint));
            try
            {
                await table.UpdateEntityAsync(replacement, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                row = await table.FindAsync(row.PartitionKey, row.RowKey, cancellationToken) ?? throw new InvalidOperationException("A record vanished.", ex);
            }
        }

        throw new Attendance.Events.EventBusyException(row.PartitionKey, MaxRaces, new InvalidOperationException("Record kept changing while its contacts were cleared."));
    }

    /// <summary>Marks the event done on its counter, unless a sign-in or change moved the counter meanwhile (then the next run looks again).</summary>
    private async Task<bool> MarkDoneAsync(TableEntity counter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = SubmissionStore.CopyOf(counter, counter.GetInt64("Sequence") ?? 0);
        marked[ClearedMarkProperty] = now;
        try
        {
            await table.UpdateEntityAsync(marked, counter.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Something new arrived while clearing: leave the event unmarked (the writer marked it changed).
            return false;
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Contacts of event {EventId} cleared on {Count} attendances, {RetentionDays} days after its last day")]
    private static partial void LogCleared(ILogger logger, string eventId, int count, int retentionDays);
}
