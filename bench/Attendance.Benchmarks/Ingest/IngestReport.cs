using Attendance.Benchmarks.Load;

namespace Attendance.Benchmarks.Ingest;

/// <summary>The JSON line <c>ingest</c> prints last: the machine, the settings, every case and the burst (null when not run).</summary>
internal sealed record IngestReport(string Benchmark, Machine Machine, double SecondsPerCase, int SpreadEvents, IReadOnlyList<CaseResult> Cases, BurstResult? Burst);
