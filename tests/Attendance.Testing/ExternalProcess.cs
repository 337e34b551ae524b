using System.Diagnostics;
using System.Text;

namespace Attendance.Testing;

/// <summary>Runs a program the tests need (node, the built CLI, bicep) to its end, within a time limit, capturing what it printed.</summary>
public static class ExternalProcess
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; the
    /// <paramref name="environment"/> entries are set (a null value removes the variable). Kills the process tree and
    /// throws <see cref="TimeoutException"/> when it runs past <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IEnumerable<KeyValuePair<string, string?>>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
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

        foreach (var (name, value) in environment ?? [])
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (!await ExitsWithinAsync(process, timeout, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Waits for <paramref name="process"/> to exit within <paramref name="timeout"/>; when it does not, or the wait
    /// is cancelled, kills its process tree. Returns whether it exited by itself.
    /// </summary>
    public static async Task<bool> ExitsWithinAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }
}

/// <summary>How a process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors);
