using System.Diagnostics;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Attendance.Corrections;

/// <summary>
/// Commits changes after the fact. A change is one transaction in the event's partition (layout:
/// <see cref="SubmissionRows"/>): the counter, replaced under its ETag with <c>Changes</c> one higher, the
/// attendance's own rows as its <see cref="ChangePlan"/> says, and the audit row <c>c|{Changes}</c>. Every sign-in
/// replaces the same counter, so a change and a sign-in of the same event never interleave, change numbers have no
/// gaps, and the export learns that something changed from the counter alone; the event's marker in the index of
/// changed events is written first when the counter does not say it is there (<see cref="ChangedEvents"/>).
/// </summary>
public sealed class ChangeLog(TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions, ChangedEvents changedEvents, TimeProvider time)
{
    private const int MaxRaces = 50;

    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    /// <summary>
    /// Reads the attendance's rows, asks <paramref name="decide"/> what to do, and commits it with its audit entry;
    /// reads again and decides again when another writer changed the event meanwhile.
    /// </summary>
    internal async Task<ChangeOutcome> ApplyAsync(
        string eventId, string submissionId, ChangeRequest request, Func<AttendanceRows, ChangeDecision> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxRaces; attempt++)
        {
            var rows = await ReadRowsAsync(eventId, submissionId, cancellationToken);
            if (rows is null)
            {
                return new ChangeOutcome(ChangeStatus.NotFound, eventId, submissionId);
            }

            var decision = decide(rows);
            if (decision.Plan is not { } plan)
            {
                return decision.Answer!;
            }

            // A record exists, so the counter does: a missing one is a store restored in part, which a sign-in or
            // `attendance verify` puts right; nothing is written until then.
            var counter = await table.FindAsync(eventId, SubmissionRows.CounterKey, cancellationToken)
                ?? throw new CounterMissingException(eventId);
            var number = (counter.GetInt64(SubmissionRows.ChangesProperty) ?? 0) + 1;
            var change = new AttendanceChange(
                number, eventId, rows.Current.Sequence, submissionId, plan.Kind, time.GetUtcNow(), request.KeyName, request.Reason, plan.Fields);

            // The event's marker in the index of changed events before the transaction, unless the counter says it is there.
            await changedEvents.ListAsync(eventId, counter, cancellationToken);
            var next = SubmissionStore.CopyOf(counter, counter.GetInt64("Sequence") ?? 0);
            next[SubmissionRows.ChangesProperty] = number;
            ChangedEvents.SetListed(next);
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, next, counter.ETag),
                .. plan.Actions,
                new(TableTransactionActionType.Add, SubmissionRows.ChangeRow(eventId, change)),
            ];

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return new ChangeOutcome(ChangeStatus.Done, eventId, submissionId, StateAfter(plan.Kind), change);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && plan.ClaimIndex is { } claim && ex.FailedTransactionActionIndex == claim + 1)
            {
                var holder = await table.FindAsync(eventId, plan.Actions[claim].Entity.RowKey, cancellationToken);
                if (holder?.GetString("SubmissionId") is { } other)
                {
                    return new ChangeOutcome(ChangeStatus.Conflict, eventId, submissionId, RecordState.Live, ConflictingSubmissionId: other);
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The counter (a sign-in or another change) or one of the rows moved meanwhile: read everything again.
                if (attempt == MaxRaces)
                {
                    throw new EventBusyException(eventId, attempt, ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }

        throw new UnreachableException();
    }

    /// <summary>The attendance's rows as they are now; null when the event holds no submission with this id.</summary>
    private async Task<AttendanceRows?> ReadRowsAsync(string eventId, string submissionId, CancellationToken cancellationToken)
    {
        TableEntity? idRow;
        try
        {
            idRow = await table.FindAsync(eventId, SubmissionRows.IdKey(submissionId), cancellationToken);
        }
        catch (RequestFailedException ex) when (CreateOnce.IsMissing(ex))
        {
            // No submission was ever stored, so the table does not exist yet.
            return null;
        }

        if (idRow?.GetInt64("Sequence") is not { } sequence
            || await table.FindAsync(eventId, SubmissionRows.SequenceKey(sequence), cancellationToken) is not { } record)
        {
            return null;
        }

        var attendanceRow = idRow.GetString("AttendanceKey") is { } key ? await table.FindAsync(eventId, key, cancellationToken) : null;
        if (attendanceRow is not null && attendanceRow.GetString("SubmissionId") != submissionId)
        {
            attendanceRow = null;
        }

        return new AttendanceRows(idRow, record, attendanceRow, SubmissionRows.ReadStoreRecord(record, regions));
    }

    private static RecordState StateAfter(AttendanceChangeKind kind) => kind switch
    {
        AttendanceChangeKind.Void => RecordState.Voided,
        AttendanceChangeKind.Erasure => RecordState.Erased,
        _ => RecordState.Live,
    };
}
