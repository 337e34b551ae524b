namespace Attendance.Benchmarks.Load;

/// <summary>
/// What one case measured. Items are submissions for the API and intake cases and entities for the raw cases;
/// latencies are per request. CPU figures are cores busy on average during the case: the emulator's, and this
/// process's (the server and its clients together, since the server runs in-process).
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
    double ProcessCpuCores);
