using System.Diagnostics;
using System.Text;

namespace Attendance.Testing;

/// <summary>Runs Node.js scripts of the repository (test oracles, Azurite) with the packages <c>npm ci</c> installed.</summary>
public static class NodeProcess
{
    /// <summary>Runs <c>node script args...</c> from the repository root and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">The script exited non-zero; the message carries its standard error.</exception>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var result = await ExternalProcess.RunAsync("node", args.Prepend(script), RepoPaths.Root, timeout, cancellationToken: cancellationToken);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"node {script} exited {result.ExitCode}: {result.Errors}");
    }

    /// <summary>Starts <c>node script args...</c> from the repository root with redirected output; the caller owns the process.</summary>
    public static Process Start(string script, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("node could not be started.");
    }
}
