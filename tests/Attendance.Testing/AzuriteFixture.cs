using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Attendance.Testing;

/// <summary>
/// A real Azurite (blob, queue, table) on free 127.0.0.1 ports with its data in a fresh temporary folder.
/// Use it as an assembly or collection fixture; a test that simulates an outage should own its instance
/// (<c>await using var azurite = new AzuriteFixture(); await azurite.InitializeAsync();</c>) because
/// <see cref="StopAsync"/> takes the emulator away from every test sharing it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/> (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string EntryPoint = "node_modules/azurite/dist/src/azurite.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private readonly int blobPort;
    private readonly int queuePort;
    private readonly int tablePort;
    private readonly bool inMemory;
    private Process? process;

    public AzuriteFixture()
        : this(inMemory: false)
    {
    }

    // xunit builds fixtures through their one public constructor, so the in-memory variant is a factory.
    private AzuriteFixture(bool inMemory)
    {
        this.inMemory = inMemory;
        var ports = FreePort.Find(3);
        (blobPort, queuePort, tablePort) = (ports[0], ports[1], ports[2]);
        BlobEndpoint = new Uri($"http://127.0.0.1:{blobPort}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{tablePort}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{queuePort}/{AccountName}");
    }

    /// <summary>The Blob service of the development account (path-style).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Table service of the development account (path-style).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service of the development account (path-style).</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>A full connection string with explicit endpoints, for <c>AttendanceStorage</c> or <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Whether the emulator process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>
    /// An emulator that keeps data in memory (<c>--inMemoryPersistence</c>) instead of a data folder: no disk
    /// traffic, as benchmarks want, but <see cref="StopAsync"/> then loses the data.
    /// </summary>
    public static AzuriteFixture InMemory() => new(inMemory: true);

    /// <summary>The emulator's process id while it runs, for measuring its CPU and memory.</summary>
    public int? ProcessId => IsRunning ? process!.Id : null;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        await StartAsync();
    }

    /// <summary>Starts the emulator on this fixture's ports and data folder and waits until all three ports accept connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        if (!File.Exists(RepoPaths.Combine(EntryPoint)))
        {
            throw new InvalidOperationException($"Azurite is not installed at {EntryPoint}; run npm ci at the repository root.");
        }

        process = NodeProcess.Start(EntryPoint,
        [
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
            .. inMemory ? ["--inMemoryPersistence"] : new[] { "--location", dataFolder },
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
        ]);
        // Drain both pipes so a chatty emulator can never block on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            foreach (var port in new[] { blobPort, queuePort, tablePort })
            {
                await WaitForPortAsync(process, port, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
            throw new TimeoutException($"Azurite did not open its ports within {StartTimeout}.");
        }
    }

    /// <summary>
    /// Stops the emulator gracefully (SIGTERM, so it saves its metadata to the data folder) and, if it lingers,
    /// kills its process tree. The data stays: <see cref="StartAsync"/> brings it back on the same ports.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (process is null)
        {
            return;
        }

        using var stopping = process;
        process = null;
        if (!stopping.HasExited)
        {
            await TerminateAsync(stopping.Id, cancellationToken);
            if (!await ExternalProcess.ExitsWithinAsync(stopping, StopTimeout, cancellationToken))
            {
                await stopping.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never started: nothing to clean.
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task TerminateAsync(int pid, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            // No SIGTERM on Windows; StopAsync's deadline falls back to killing the tree.
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        });
        if (kill is not null)
        {
            await kill.WaitForExitAsync(cancellationToken);
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
}
