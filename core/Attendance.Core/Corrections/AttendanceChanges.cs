using System.Runtime.CompilerServices;
using Attendance.Regions;
using Attendance.Submissions;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Attendance.Corrections;

/// <summary>
/// Corrections and voids of one attendance, and an event's audit trail. A correction is validated exactly as a new
/// submission is and keeps the identity rules: it may not make the attendance the same person on the same day as
/// another. Corrected values replace the stored ones; the old values are kept nowhere in the store.
/// </summary>
public sealed partial class AttendanceChanges(
    ChangeLog log, SubmissionStore store, SubmissionValidator validator, RegionDirectory regions, ILogger<AttendanceChanges> logger)
{
    /// <summary>Lays <paramref name="patch"/> (correctable fields only, see <see cref="CorrectableFields"/>) over the stored attendance.</summary>
    public async Task<ChangeOutcome> CorrectAsync(
        string eventId, string submissionId, IReadOnlyDictionary<string, string?> patch, ChangeRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await log.ApplyAsync(eventId, submissionId, request, rows => PlanCorrection(rows, patch), cancellationToken);
        Logged(outcome);
        return outcome;
    }

    /// <summary>Voids the attendance: it leaves the lists at once and the analytics at the next export; voiding again changes nothing.</summary>
    public async Task<ChangeOutcome> VoidAsync(string eventId, string submissionId, ChangeRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await log.ApplyAsync(eventId, submissionId, request, rows => PlanWithdrawal(rows, AttendanceChangeKind.Void), cancellationToken);
        Logged(outcome);
        return outcome;
    }

    /// <summary>The event's changes, oldest first.</summary>
    public async IAsyncEnumerable<AttendanceChange> ListAsync(string eventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = (await store.GetCounterAsync(eventId, cancellationToken))?.Changes ?? 0;
        await foreach (var change in store.ReadChangesAsync(eventId, 0, changes, cancellationToken))
        {
            yield return change;
        }
    }

    private ChangeDecision PlanCorrection(AttendanceRows rows, IReadOnlyDictionary<string, string?> patch)
    {
        var current = rows.Current;
        if (current.Attendance is not { } stored)
        {
            return ChangeDecision.Reply(new ChangeOutcome(ChangeStatus.Withdrawn, rows.Record.PartitionKey, current.SubmissionId, current.State));
        }

        var fields = CorrectableFields.Merge(stored, patch, regions);
        if (validator.Validate(fields) is not { } corrected)
        {
            return ChangeDecision.Reply(new ChangeOutcome(ChangeStatus.Invalid, stored.EventId, current.SubmissionId, current.State, Errors: fields.Errors));
        }

        var changed = CorrectableFields.Differences(stored, corrected);
        if (changed.Count == 0)
        {
            return ChangeDecision.Reply(new ChangeOutcome(ChangeStatus.Unchanged, stored.EventId, current.SubmissionId, current.State));
        }

        var eventId = stored.EventId;
        // Contacts cleared after the retention keep their recorded key unless the correction gives new ones.
        var keepsCleared = !changed.Contains(SubmissionFields.Email) && !changed.Contains(SubmissionFields.Phone);
        var record = SubmissionRows.Record(current.Sequence, current.SubmissionId, current.ReceivedAt, corrected, keepsCleared ? current.Cleared : null);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, record, rows.Record.ETag)];
        int? claim = null;
        var oldKey = rows.IdRow.GetString("AttendanceKey") ?? SubmissionRows.AttendanceKey(stored.SessionDate, stored.Identity);
        var newKey = SubmissionRows.AttendanceKey(corrected.SessionDate, corrected.Identity);
        if (newKey != oldKey)
        {
            // The person's place on the day moves with their identity: the new key is claimed (failing if another
            // attendance holds it) and the old one freed, so the old identity may sign in again.
            if (rows.AttendanceRow is { } old)
            {
                actions.Add(new(TableTransactionActionType.Delete, old, old.ETag));
            }

            claim = actions.Count;
            actions.Add(new(TableTransactionActionType.Add, SubmissionRows.AttendanceRow(eventId, newKey, current.SubmissionId, current.Sequence)));
            actions.Add(new(TableTransactionActionType.UpdateReplace, SubmissionRows.IdRow(eventId, current.SubmissionId, newKey, current.Sequence), rows.IdRow.ETag));
        }

        return ChangeDecision.Commit(new ChangePlan(AttendanceChangeKind.Correction, changed, actions, claim));
    }

    /// <summary>
    /// The plan that withdraws an attendance (a void, or one attendance of an erasure): the record becomes a tombstone,
    /// the attendance row goes (the person may sign in again that day), the id row keeps only the number and state.
    /// </summary>
    internal static ChangeDecision PlanWithdrawal(AttendanceRows rows, AttendanceChangeKind kind)
    {
        var current = rows.Current;
        var eventId = rows.Record.PartitionKey;
        var state = kind == AttendanceChangeKind.Erasure ? RecordState.Erased : RecordState.Voided;
        if (current.State == state || current.State == RecordState.Erased)
        {
            // Twice is once; and an erased attendance has nothing left to void.
            return ChangeDecision.Reply(new ChangeOutcome(ChangeStatus.Unchanged, eventId, current.SubmissionId, current.State));
        }

        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateReplace,
                SubmissionRows.Tombstone(eventId, current.Sequence, current.SubmissionId, current.ReceivedAt, current.SessionDate, state), rows.Record.ETag),
            new(TableTransactionActionType.UpdateReplace, SubmissionRows.WithdrawnIdRow(eventId, current.SubmissionId, current.Sequence, state), rows.IdRow.ETag),
        ];
        if (rows.AttendanceRow is { } attendance)
        {
            actions.Add(new(TableTransactionActionType.Delete, attendance, attendance.ETag));
        }

        return ChangeDecision.Commit(new ChangePlan(kind, [], actions));
    }

    private void Logged(ChangeOutcome outcome)
    {
        if (outcome.Change is { } change)
        {
            LogChange(logger, change.Kind, change.EventId, change.Number, change.KeyName);
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "{Kind} of an attendance of event {EventId} recorded as change {Number}, by key {KeyName}")]
    private static partial void LogChange(ILogger logger, AttendanceChangeKind kind, string eventId, long number, string keyName);
}
