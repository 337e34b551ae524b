using System.Diagnostics;
using Attendance.Testing;

namespace Attendance.Integration.Tests.Cli;

/// <summary>Runs the built <c>attendance</c> command as a process, with only the environment a test gives it.</summary>
internal static class CliProcess
{
    public static async Task<CliResult> RunAsync(string command, IEnumerable<KeyValuePair<string, string?>> environment, CancellationToken cancellationToken)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoPaths.Combine("cli", "Attendance.Cli", "bin", configuration, "net10.0", "attendance.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(dll);
        // A command and its options, separated by single spaces (no quoting needed by any test).
        foreach (var argument in command.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var name in info.Environment.Keys.Where(IsProductSetting).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var result = new CliResult(process.ExitCode, await output, await errors);
        TestContext.Current.TestOutputHelper?.WriteLine($"attendance {command}: exit {result.ExitCode}\n{result.Output}{result.Errors}");
        return result;
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
