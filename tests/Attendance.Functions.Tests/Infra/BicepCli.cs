namespace Attendance.Functions.Tests.Infra;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, see the project file). Bicep exits 0
/// on warnings, so <see cref="Result.IsClean"/> also requires that it printed no diagnostic.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<Result> RunAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The tests restore the linux-x64 Bicep CLI, the one this repository's machines and CI run.");
        }

        var path = BuildOutputs.BicepPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not where the restore put it; run dotnet restore. Expected: {path}", path);
        }

        // NuGet extracts package files without the executable bit on some systems.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        var result = await ExternalProcess.RunAsync(path, arguments, workingDirectory, Timeout, cancellationToken: cancellationToken);
        return new Result($"bicep {string.Join(' ', arguments)}", result.ExitCode, result.Output, result.Errors);
    }

    /// <summary>What one run printed; <paramref name="Output"/> is the compiled template for <c>build --stdout</c>.</summary>
    internal sealed record Result(string Command, int ExitCode, string Output, string Diagnostics)
    {
        public bool IsClean => ExitCode == 0 && Diagnostics.Trim().Length == 0;

        public override string ToString() =>
            $"{Command} exited {ExitCode}{Environment.NewLine}{Diagnostics.Trim()}";
    }
}
