using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Attendance.Api;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Attendance.Cli.Commands;

/// <summary><c>attendance serve [--urls URL]</c>: the API on this machine, with the routes the Functions app serves in Azure.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", CliHelp.Describe("Serve the API at /api, and run the export on its schedule. Keys left unset are kept in .data/function-key and .data/admin-key (delete a file for a new key). "
            + "One log line per request; more with Logging:LogLevel:Microsoft.AspNetCore=Information (environment: Logging__LogLevel__Microsoft.AspNetCore).",
            "AttendanceStorage", "Store:EventsTable", "Store:SubmissionsTable", "Auth:FunctionKey", "Auth:AdminKey", "Forms:PublicBaseUrl", "Forms:RateLimitBurst", "Forms:RateLimitPerMinute",
            "ExportSchedule", "Export:Container", "Export:PseudonymKey", "Export:IncludeNames", "Export:RemovedFileRetention", "Privacy:Contact", "Privacy:ContactRetention", "Logging:LogLevel:Default")) { urls };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var keptKeys = new List<KeptKey>();
        var (app, _) = LocalServer.Build(urls, defaults: configuration => LocalDefaults.ForServer(configuration, keptKeys));
        await using (app)
        {
            // A host that fails to start logs the failure with its stack trace; these checks fail first, so the
            // mistakes a person can fix end in Program's one line instead.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            EnsureFree(urls);

            foreach (var kept in keptKeys)
            {
                // Shown to the person who started the server, on the console only; never logged.
                Console.WriteLine($"{kept.Setting} = {kept.Key} ({(kept.Made ? "made now and kept" : "kept")} in {kept.Path}; "
                    + $"delete that file and restart for a new key, or set {kept.Setting} to choose one)");
            }

            await app.RunAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>Throws the error Kestrel would when a loopback or any-address URL's port is taken.</summary>
    private static void EnsureFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port == 0 || !IPAddress.TryParse(uri.Host, out var address))
            {
                continue;
            }

            var probe = new TcpListener(address, uri.Port);
            try
            {
                probe.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.", new AddressInUseException(ex.Message, ex));
            }
            finally
            {
                probe.Stop();
            }
        }
    }
}
