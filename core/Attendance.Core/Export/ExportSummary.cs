using Attendance.Submissions;

namespace Attendance.Export;

/// <summary>
/// What one export run did, as <c>POST /api/exports</c> and <c>attendance export</c> report it. <see cref="Lost"/>
/// lists numbers handed out but missing from the store: those events were not exported (their marks stay).
/// </summary>
public sealed record ExportSummary(
    string RunId,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<TableExportResult> Tables,
    IReadOnlyList<SequenceGap> Lost);

/// <summary>One table's part of a run: the version now current, rows and files added, and whether it changed.</summary>
public sealed record TableExportResult(string Table, long Version, bool Changed, long RowsAdded, int FilesAdded, int FilesRemoved, int Attempts);

/// <summary>Progress of a run, for the CLI's display.</summary>
public sealed record ExportProgress(string Table, string Stage, long Rows);
