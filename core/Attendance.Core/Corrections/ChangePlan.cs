using Attendance.Submissions;
using Azure.Data.Tables;

namespace Attendance.Corrections;

/// <summary>
/// What one change will write to the attendance's rows, decided from the rows as read: the kind and corrected field
/// names for the audit trail, the row actions, and which of them (if any) claims a new attendance key, whose failure
/// means another attendance of the same person and day holds it.
/// </summary>
internal sealed record ChangePlan(AttendanceChangeKind Kind, IReadOnlyList<string> Fields, IReadOnlyList<TableTransactionAction> Actions, int? ClaimIndex = null);

/// <summary>A decision on a change: either a plan to commit or an answer without writing anything.</summary>
internal sealed record ChangeDecision(ChangePlan? Plan, ChangeOutcome? Answer)
{
    public static ChangeDecision Commit(ChangePlan plan) => new(plan, null);

    public static ChangeDecision Reply(ChangeOutcome answer) => new(null, answer);
}

/// <summary>The rows of one attendance as read before a change: its id row, its record, its attendance row (when live).</summary>
internal sealed record AttendanceRows(TableEntity IdRow, TableEntity Record, TableEntity? AttendanceRow, StoreRecord Current);
