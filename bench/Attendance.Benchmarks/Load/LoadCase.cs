namespace Attendance.Benchmarks.Load;

/// <summary>
/// One measured case: <paramref name="Concurrency"/> clients each repeating <paramref name="Operation"/> for a fixed time.
/// The operation gets a number unique within the case and returns how many items (submissions or entities) it stored;
/// it throws when the service did not store them all, so a benchmark never counts failures as throughput.
/// </summary>
internal sealed record LoadCase(string Kind, string Layout, int Concurrency, Func<long, CancellationToken, Task<int>> Operation)
{
    public string Name => $"{Kind} {Layout} c{Concurrency}";
}
