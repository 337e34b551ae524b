using System.Security.Cryptography;

namespace Attendance.Benchmarks.Load;

/// <summary>The settings a benchmark host runs with: the emulator, its own tables and container, fresh keys, quiet logs.</summary>
internal static class BenchmarkSettings
{
    public const string EventsTable = "benchevents";
    public const string SubmissionsTable = "benchsubmissions";
    public const string Container = "bench-analytics";

    public static Dictionary<string, string?> Create(string connectionString) => new()
    {
        ["AttendanceStorage"] = connectionString,
        ["Store:EventsTable"] = EventsTable,
        ["Store:SubmissionsTable"] = SubmissionsTable,
        ["Export:Container"] = Container,
        ["Export:PseudonymKey"] = Secret(),
        ["Auth:FunctionKey"] = Secret(),
        ["Auth:AdminKey"] = Secret(),
        // Information would log every request: the console would be part of what is measured.
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
