using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Attendance.Events;

/// <summary>Training events in Table Storage: one partition, one row per event id.</summary>
public sealed class EventStore(
    TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions, TimeProvider time, SubmissionStore submissions)
{
    /// <summary>The one partition of the events table.</summary>
    internal const string Partition = "event";

    /// <summary>
    /// True on an event's row once its numbering started (set by <see cref="SubmissionStore"/> before the first number
    /// is handed out): a counter found missing afterwards is a loss, never a fresh start. Saves keep it.
    /// </summary>
    internal const string NumberingStartedProperty = "NumberingStarted";
    private const int MaxSaveAttempts = 10;

    private readonly TableClient table = tables.GetTableClient(options.Value.EventsTable);
    private CreateOnce? ready;

    // Reads in flight or gathering callers, per event; an entry leaves when its reads are done.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FreshRead<TableEntity?>> reads = new(StringComparer.Ordinal);

    private CreateOnce Ready => ready ??= CreateOnce.Table(table);

    /// <summary>
    /// Reads one page of the table, for the health check: throws when storage does not answer; a table found gone
    /// is created again first, so the check reports what the next request will meet.
    /// </summary>
    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        Ready.RunAsync(table.ReadOnePageAsync, cancellationToken);

    /// <summary>
    /// The event as storage holds it when this call began, or null. Concurrent calls for one event share a read
    /// (<see cref="FreshRead{T}"/>): never one sent before the call, so a token rotated or dates saved before it are seen.
    /// </summary>
    public async Task<TrainingEvent?> GetAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var shared = reads.GetOrAdd(eventId, id => new FreshRead<TableEntity?>(
            () => Ready.RunAsync(ct => table.FindAsync(Partition, id, ct)), done => reads.TryRemove(new(id, done))));
        var entity = await shared.JoinAsync(cancellationToken);
        return entity is null ? null : ToEvent(entity);
    }

    /// <summary>
    /// The event to check a sign-in against: the copy this process remembers while the event's counter, as last
    /// seen, carries its version (the transaction that stores the sign-in proves it still does, <see cref="CheckedEvent"/>);
    /// else (or when <paramref name="mayRecall"/> is false: to check again what a remembered copy would refuse) read as
    /// <see cref="GetAsync"/> reads it, and remembered. Null when no such event is registered.
    /// </summary>
    public async Task<CheckedEvent?> GetForSignInAsync(string eventId, bool mayRecall = true, CancellationToken cancellationToken = default)
    {
        if (mayRecall && submissions.Recall(eventId) is { } remembered)
        {
            return new CheckedEvent(remembered, Remembered: true);
        }

        var read = await GetAsync(eventId, cancellationToken);
        if (read is null)
        {
            return null;
        }

        submissions.Remember(read);
        return new CheckedEvent(read, Remembered: false);
    }

    /// <summary>Every registered event, for the export and reconciliation.</summary>
    public async IAsyncEnumerable<TrainingEvent> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in Ready.ReadAllAsync(
            ct => table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct), cancellationToken))
        {
            yield return ToEvent(entity);
        }
    }

    /// <summary>
    /// Registers the event, or updates it keeping its form token and creation time. Concurrent writers are
    /// serialized by ETag, so two organizers saving at once never lose the form token. New dates that would leave
    /// stored attendance outside the event throw <see cref="EventDatesConflictException"/>; a save that keeps losing
    /// the ETag race throws <see cref="EventBusyException"/>. Either way nothing is stored.
    /// </summary>
    public Task<(TrainingEvent Event, bool Created)> SaveAsync(string eventId, EventRegistration registration, CancellationToken cancellationToken = default) =>
        Ready.RunAsync(ct => SaveOnceAsync(eventId, registration, ct), cancellationToken);

    private async Task<(TrainingEvent Event, bool Created)> SaveOnceAsync(string eventId, EventRegistration registration, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.FindAsync(Partition, eventId, cancellationToken);
            if (existing is not null && DatesChanged(existing, registration))
            {
                // Checked before every attempt: attendance stored meanwhile is seen on the retry. Attendance that
                // arrives between this check and the write is caught by 'attendance verify'.
                await CheckStoredAttendanceAsync(eventId, registration, cancellationToken);
            }

            var now = time.GetUtcNow();
            var version = NewVersion();
            var saved = new TrainingEvent
            {
                Id = eventId,
                Name = registration.Name,
                StartDate = registration.StartDate,
                EndDate = registration.EndDate,
                Venue = registration.Venue,
                Province = registration.Province,
                Regency = registration.Regency,
                Program = registration.Program,
                PrivacyContact = registration.PrivacyContact,
                FormToken = existing?.GetString("FormToken") ?? FormToken.Create(),
                CreatedAt = existing?.GetDateTimeOffset("CreatedAt") ?? now,
                UpdatedAt = now,
                Version = version,
            };

            try
            {
                // The version row and the counter first: from here no sign-in commits against a remembered old copy.
                await submissions.StampEventVersionAsync(eventId, version, cancellationToken);
                if (existing is null)
                {
                    await table.AddEntityAsync(ToEntity(saved), cancellationToken);
                    return (saved, true);
                }

                await table.UpdateEntityAsync(Keeping(existing, ToEntity(saved)), existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return (saved, false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone saved the same event meanwhile: read it again and apply this registration on top.
                await BackOffAsync(eventId, attempt, ex, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Gives the event a new form token, so a leaked link stops working at once: a post is let in only by the token
    /// storage holds when it commits (a copy remembered from before the rotation fails its transaction, and a refusal
    /// is always checked against a fresh read). Null when no such event is registered.
    /// </summary>
    public Task<TrainingEvent?> RotateFormTokenAsync(string eventId, CancellationToken cancellationToken = default) =>
        Ready.RunAsync(ct => RotateFormTokenOnceAsync(eventId, ct), cancellationToken);

    private async Task<TrainingEvent?> RotateFormTokenOnceAsync(string eventId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.FindAsync(Partition, eventId, cancellationToken);
            if (existing is null)
            {
                return null;
            }

            var rotated = ToEvent(existing) with { FormToken = FormToken.Create(), UpdatedAt = time.GetUtcNow(), Version = NewVersion() };
            try
            {
                // As in a save: the version row and the counter first, so no sign-in commits against the old token.
                await submissions.StampEventVersionAsync(eventId, rotated.Version!, cancellationToken);
                await table.UpdateEntityAsync(Keeping(existing, ToEntity(rotated)), existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return rotated;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Saved or rotated meanwhile: read it again and rotate that.
                await BackOffAsync(eventId, attempt, ex, cancellationToken);
            }
        }
    }

    private static string NewVersion() => Guid.NewGuid().ToString("N");

    /// <summary>Waits a little longer each lost ETag race; after the last allowed attempt gives up with <see cref="EventBusyException"/>.</summary>
    private static Task BackOffAsync(string eventId, int attempt, RequestFailedException lost, CancellationToken cancellationToken) =>
        attempt >= MaxSaveAttempts
            ? throw new EventBusyException(eventId, attempt, lost)
            : Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50 * attempt)), cancellationToken);

    private static bool DatesChanged(TableEntity existing, EventRegistration registration) =>
        existing.GetString("StartDate") != registration.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        || existing.GetString("EndDate") != registration.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task CheckStoredAttendanceAsync(string eventId, EventRegistration registration, CancellationToken cancellationToken)
    {
        var attendance = await submissions.CountAsync(eventId, cancellationToken);
        var outside = attendance.ByDate
            .Select(d => (Date: DateOnly.ParseExact(d.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Count: d.Value))
            .Where(d => d.Date < registration.StartDate || d.Date > registration.EndDate)
            .ToDictionary(d => d.Date, d => d.Count);
        if (outside.Count > 0)
        {
            throw new EventDatesConflictException(eventId, registration.StartDate, registration.EndDate, outside);
        }
    }

    /// <summary>
    /// <paramref name="replacement"/> with the record that the event's numbering started carried over from
    /// <paramref name="existing"/>: a replace that dropped it would make a lost counter look like a fresh start.
    /// </summary>
    private static TableEntity Keeping(TableEntity existing, TableEntity replacement)
    {
        if (existing.GetBoolean(NumberingStartedProperty) is { } started)
        {
            replacement[NumberingStartedProperty] = started;
        }

        return replacement;
    }

    private static TableEntity ToEntity(TrainingEvent e) => new(Partition, e.Id)
    {
        ["Name"] = e.Name,
        ["StartDate"] = e.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["EndDate"] = e.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Venue"] = e.Venue,
        ["ProvinceCode"] = e.Province?.Code,
        ["RegencyCode"] = e.Regency?.Code,
        ["Program"] = e.Program,
        ["PrivacyContact"] = e.PrivacyContact,
        ["FormToken"] = e.FormToken,
        ["CreatedAt"] = e.CreatedAt,
        ["UpdatedAt"] = e.UpdatedAt,
        [SubmissionRows.EventVersionProperty] = e.Version,
    };

    private TrainingEvent ToEvent(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Name = entity.GetString("Name") ?? entity.RowKey,
        StartDate = DateOnly.ParseExact(entity.GetString("StartDate")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        EndDate = DateOnly.ParseExact(entity.GetString("EndDate")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Venue = entity.GetString("Venue"),
        Province = Lookup(entity.GetString("ProvinceCode")),
        Regency = Lookup(entity.GetString("RegencyCode")),
        Program = entity.GetString("Program"),
        PrivacyContact = entity.GetString("PrivacyContact"),
        FormToken = entity.GetString("FormToken")!,
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? default,
        Version = entity.GetString(SubmissionRows.EventVersionProperty),
    };

    private Region? Lookup(string? code) => code is not null && regions.TryGet(code, out var region) ? region : null;
}
