using System.Diagnostics;

namespace Attendance.Integration.Tests.Cli;

/// <summary>Runs the built <c>attendance</c> command as a process, with only the environment a test gives it.</summary>
internal static class CliProcess
{
    /// <summary>
    /// The command's environment for the tables and container <paramref name="api"/> writes to, its data folder
    /// <paramref name="data"/>, and with <paramref name="samePseudonymKey"/> the server's pseudonym key too.
    /// </summary>
    public static Dictionary<string, string?> SameStoreAs(ApiServer api, string connectionString, DirectoryInfo data, bool samePseudonymKey = false)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = connectionString,
            ["Store:EventsTable"] = api.Settings["Store:EventsTable"],
            ["Store:SubmissionsTable"] = api.Settings["Store:SubmissionsTable"],
            ["Export:Container"] = api.Container,
            ["ATTENDANCE_DATA"] = data.FullName,
        };
        if (samePseudonymKey)
        {
            environment["Export:PseudonymKey"] = api.Settings["Export:PseudonymKey"];
        }

        return environment;
    }

    public static async Task<CliResult> RunAsync(string command, IEnumerable<KeyValuePair<string, string?>> environment, CancellationToken cancellationToken)
    {
        var (arguments, variables) = Invocation(command, environment);
        var result = await ExternalProcess.RunAsync("dotnet", arguments, Path.GetTempPath(), TimeSpan.FromMinutes(3), variables, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"attendance {command}: exit {result.ExitCode}\n{result.Output}{result.Errors}");
        return new CliResult(result.ExitCode, result.Output, result.Errors);
    }

    /// <summary>Starts <paramref name="command"/> (a server) with its output redirected, as a service manager or <c>./run.sh | tee</c> would.</summary>
    public static Process Start(string command, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var (arguments, variables) = Invocation(command, environment);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"attendance {command} did not start.");
    }

    /// <summary>The arguments of <c>dotnet</c> and the environment for <paramref name="command"/>.</summary>
    private static (IEnumerable<string> Arguments, List<KeyValuePair<string, string?>> Environment) Invocation(
        string command, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoPaths.Combine("cli", "Attendance.Cli", "bin", configuration, "net10.0", "attendance.dll");

        // This machine's own product settings must not reach the command and hide a missing default.
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsProductSetting)
            .Select(name => new KeyValuePair<string, string?>(name, null))
            .Concat(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace(":", "__", StringComparison.Ordinal), e.Value)))
            .ToList();

        // A command and its options, separated by single spaces (no quoting needed by any test).
        return (command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(dll), variables);
    }

    /// <summary>Settings of this machine's environment that would otherwise reach the command and hide a missing default.</summary>
    private static bool IsProductSetting(string name) =>
        name.StartsWith("AttendanceStorage", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Export__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Store__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)
        || name.Equals("NO_COLOR", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ATTENDANCE_DATA", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a run of the command printed and how it ended.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors);
