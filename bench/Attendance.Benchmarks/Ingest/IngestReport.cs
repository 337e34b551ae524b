using Attendance.Benchmarks.Load;

namespace Attendance.Benchmarks.Ingest;

/// <summary>The JSON line <c>ingest</c> prints last: the machine, the settings and every case.</summary>
internal sealed record IngestReport(string Benchmark, Machine Machine, double SecondsPerCase, int SpreadEvents, IReadOnlyList<CaseResult> Cases);
