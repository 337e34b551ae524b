using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Attendance.Benchmarks.Emulator;

/// <summary>
/// Azurite as a child process on free 127.0.0.1 ports, started the way the test fixture starts it but with
/// <c>--inMemoryPersistence</c>: nothing is written to disk, so the figures do not depend on the disk traffic of
/// whoever else builds on the machine, and a loaded table is not re-serialized by Azurite's periodic autosave.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key (public, documented by Microsoft).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string EntryPoint = "node_modules/azurite/dist/src/azurite.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;

    private AzuriteProcess(Process process, int blobPort, int tablePort)
    {
        this.process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    /// <summary>A connection string with explicit endpoints, for the <c>AttendanceStorage</c> setting.</summary>
    public string ConnectionString { get; }

    /// <summary>CPU time the emulator has used so far (user + system), to tell how busy it was during a case.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The emulator's resident memory now (VmRSS), or 0 where /proc is not available.</summary>
    public long ResidentBytes => ProcStatus.ReadKilobytes($"/proc/{process.Id}/status", "VmRSS:") * 1024;

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot();
        var ports = FreePorts(3);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[
            EntryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", Text(ports[0]),
            "--queueHost", "127.0.0.1", "--queuePort", Text(ports[1]),
            "--tableHost", "127.0.0.1", "--tablePort", Text(ports[2]),
            "--inMemoryPersistence",
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
        ])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started.");
        // Drain both pipes so the emulator can never block on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, ports[0], ports[2]);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            await WaitForPortAsync(process, ports[0], deadline.Token);
            await WaitForPortAsync(process, ports[2], deadline.Token);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
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

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, EntryPoint)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Azurite is not installed at {EntryPoint} above {Directory.GetCurrentDirectory()}; run npm install at the repository root.");
    }

    private static int[] FreePorts(int count)
    {
        // Keep every listener open until all ports are known, so the OS cannot hand out one port twice.
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static async Task WaitForPortAsync(Process azurite, int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (azurite.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {azurite.ExitCode} before opening port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
