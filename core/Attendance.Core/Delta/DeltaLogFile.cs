namespace Attendance.Delta;

/// <summary>
/// A commit or checkpoint blob of a Delta log, as listed: its version and when it was written. The time is the
/// product's clock recorded in the blob's metadata when the product wrote it (so tests and the benchmark, on a
/// fake clock, age the log as production would), else the blob's Last-Modified.
/// </summary>
internal sealed record DeltaLogFile(string BlobName, long Version, bool IsCheckpoint, DateTimeOffset WrittenAt);
