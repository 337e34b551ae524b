using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// What one export run did, as <c>POST /api/exports</c> and <c>attendance export</c> report it. <see cref="Lost"/>
/// lists numbers handed out but missing from the store: those events were not exported (their marks stay).
/// <see cref="Behind"/> lists counters found at or below their event's mark (restored from an older copy) with the
/// numbers the export can never take; <see cref="Resumptions"/> every counter recorded as resumed after a loss.
/// <see cref="NeedsAttention"/> is true when any of these needs an operator (the CLI then exits 1).
/// </summary>
public sealed record ExportSummary(
    string RunId,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<TableExportResult> Tables,
    IReadOnlyList<SequenceGap> Lost,
    IReadOnlyList<CounterBehindMark> Behind,
    IReadOnlyList<CounterResumption> Resumptions,
    int ContactsCleared = 0)
{
    /// <summary>
    /// Events whose counter had fewer changes than the export applied: the submissions table and its change log were
    /// lost and recreated (or restored); changes made before the loss went with it (<see cref="ChangesBehindMark"/>).
    /// </summary>
    public IReadOnlyList<ChangesBehindMark> ChangesBehind { get; init; } = [];

    /// <summary>How many changes after the fact (corrections, voids, erasures) this run applied to the attendance table.</summary>
    public long ChangesApplied { get; init; }

    /// <summary>
    /// Whether the run read every event's counter (a full pass: the index of changed events could not be trusted, or
    /// the run was asked to) rather than only those the index marks (<see cref="ChangedEvents"/>).
    /// </summary>
    public bool AllEvents { get; init; }

    /// <summary>How many events' counters the run read: the marked ones, or every event on a full pass.</summary>
    public int EventsRead { get; init; }

    /// <summary>
    /// True when storage lost numbers, a counter was behind its mark (numbers or changes), or a resumption is not
    /// acknowledged.
    /// </summary>
    public bool NeedsAttention => Lost.Count > 0 || Behind.Count > 0 || ChangesBehind.Count > 0 || Resumptions.Any(r => !r.Acknowledged);
}

/// <summary>One table's part of a run: the version now current, rows and files added, and whether it changed.</summary>
public sealed record TableExportResult(string Table, long Version, bool Changed, long RowsAdded, int FilesAdded, int FilesRemoved, int Attempts);

/// <summary>Progress of a run, for the CLI's display.</summary>
public sealed record ExportProgress(string Table, string Stage, long Rows);
