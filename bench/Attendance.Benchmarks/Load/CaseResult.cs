namespace Attendance.Benchmarks.Load;

/// <summary>
/// What one case measured. Items are submissions for the API and intake cases and entities for the raw cases;
/// latencies are per request. CPU figures are cores busy on average during the case: the emulator's, and this
/// process's (the server and its clients together, since the server runs in-process). Storage requests per item are
/// the round trips the server's storage clients made (the raw cases' included), divided by the items stored.
/// </summary>
internal sealed record CaseResult(
    string Kind,
    string Layout,
    int Concurrency,
    long Requests,
    long Items,
    double Seconds,
    double ItemsPerSecond,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double AzuriteCpuCores,
    double ProcessCpuCores,
    double StorageRequestsPerItem);
