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
        using var process = Start(script, args);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
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
