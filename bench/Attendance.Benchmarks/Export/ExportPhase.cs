namespace Attendance.Benchmarks.Export;

/// <summary>
/// One timed phase of the export benchmark: rows handled, time, the container's size after it and what the phase
/// added, this process's peak resident memory and CPU time during the phase, and the emulator's CPU time and memory.
/// </summary>
internal sealed record ExportPhase(
    string Phase,
    long Rows,
    double Seconds,
    double RowsPerSecond,
    long OutputBytes,
    long BytesAdded,
    int Blobs,
    long PeakMemoryBytes,
    double ProcessCpuSeconds,
    double AzuriteCpuSeconds,
    long AzuriteResidentBytes);
