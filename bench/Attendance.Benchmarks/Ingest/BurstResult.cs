namespace Attendance.Benchmarks.Ingest;

/// <summary>
/// The webinar burst: <paramref name="SignIns"/> single posts to one event by <paramref name="Concurrency"/> clients,
/// spread round-robin over <paramref name="Instances"/> servers on one storage. The answers by status, the latency
/// per post, what the table holds afterwards (counted by key, past the product), and the storage requests the servers
/// made per accepted sign-in.
/// </summary>
internal sealed record BurstResult(
    int SignIns,
    int Concurrency,
    int Instances,
    int Created,
    int ServerErrors,
    int OtherAnswers,
    double Seconds,
    double SignInsPerSecond,
    double P50Ms,
    double P99Ms,
    long StoredRecords,
    long StoredAttendances,
    long IdRows,
    long Counter,
    long MissingNumbers,
    double StorageRequestsPerSignIn,
    double TransactionsPerSignIn,
    double AzuriteCpuCores);
