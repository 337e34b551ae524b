using System.Collections.Concurrent;
using System.Diagnostics;

namespace Attendance.Integration.Tests.Cli;

/// <summary>
/// <c>attendance serve</c> as a process on a free port, its output redirected and collected line by line; stopped
/// with SIGTERM, as a service manager stops it, so it shuts down in order and writes every log line first.
/// </summary>
internal sealed class CliServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The API's base address, ending in <c>/api/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Every line the server printed so far, standard output and error together.</summary>
    public IReadOnlyList<string> Lines => [.. lines];

    /// <summary>Starts the server with <paramref name="environment"/> and waits until it listens (or has ended).</summary>
    public static async Task<CliServer> StartAsync(IEnumerable<KeyValuePair<string, string?>> environment, CancellationToken cancellationToken)
    {
        var port = FreePort.Find(1)[0];
        var server = new CliServer(CliProcess.Start($"serve --urls http://127.0.0.1:{port}", environment), new Uri($"http://127.0.0.1:{port}/api/"));
        var ended = server.process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(server.listening.Task, ended, Task.Delay(TimeSpan.FromMinutes(2), cancellationToken)) != server.listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"attendance serve did not start listening:\n{string.Join('\n', server.Lines)}");
        }

        return server;
    }

    /// <summary>Stops the server with SIGTERM and returns everything it printed, the shutdown included.</summary>
    public async Task<IReadOnlyList<string>> StopAsync(CancellationToken cancellationToken)
    {
        if (!process.HasExited)
        {
            await ExternalProcess.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Path.GetTempPath(), TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
            Assert.True(await ExternalProcess.ExitsWithinAsync(process, TimeSpan.FromMinutes(1), cancellationToken), "attendance serve did not stop on SIGTERM");
        }

        // The exit is seen before the last redirected lines are read: wait for the end of both streams.
        process.WaitForExit();
        TestContext.Current.TestOutputHelper?.WriteLine($"attendance serve:\n{string.Join('\n', Lines)}");
        return Lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        if (line.Contains("Now listening on:", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }
}
