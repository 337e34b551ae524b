namespace Attendance.Integration.Tests.Cli;

/// <summary>Runs the built <c>attendance</c> command as a process, with only the environment a test gives it.</summary>
internal static class CliProcess
{
    public static async Task<CliResult> RunAsync(string command, IEnumerable<KeyValuePair<string, string?>> environment, CancellationToken cancellationToken)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoPaths.Combine("cli", "Attendance.Cli", "bin", configuration, "net10.0", "attendance.dll");

        // This machine's own product settings must not reach the command and hide a missing default.
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsProductSetting)
            .Select(name => new KeyValuePair<string, string?>(name, null))
            .Concat(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace(":", "__", StringComparison.Ordinal), e.Value)));

        // A command and its options, separated by single spaces (no quoting needed by any test).
        var arguments = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(dll);
        var result = await ExternalProcess.RunAsync("dotnet", arguments, Path.GetTempPath(), TimeSpan.FromMinutes(3), variables, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"attendance {command}: exit {result.ExitCode}\n{result.Output}{result.Errors}");
        return new CliResult(result.ExitCode, result.Output, result.Errors);
    }

    /// <summary>Settings of this machine's environment that would otherwise reach the command and hide a missing default.</summary>
    private static bool IsProductSetting(string name) =>
        name.StartsWith("AttendanceStorage", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Export__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Store__", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ATTENDANCE_DATA", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a run of the command printed and how it ended.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors);
