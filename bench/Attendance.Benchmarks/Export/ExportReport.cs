namespace Attendance.Benchmarks.Export;

/// <summary>
/// The JSON line <c>export</c> prints last. <paramref name="PeakMemoryPerPhase"/> says whether the peak could be reset
/// between phases (Linux); if not, each phase's peak is the run's so far.
/// </summary>
internal sealed record ExportReport(string Benchmark, Machine Machine, long Rows, int Events, long NewRows, bool PeakMemoryPerPhase, IReadOnlyList<ExportPhase> Phases);
