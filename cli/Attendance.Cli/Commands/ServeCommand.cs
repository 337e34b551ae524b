using System.CommandLine;
using Attendance.Api;

namespace Attendance.Cli.Commands;

/// <summary><c>attendance serve [--urls URL]</c>: the API on this machine, with the routes the Functions app serves in Azure.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Serve the API at /api.") { urls };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var (app, generatedKeys) = LocalServer.Build(urls, defaults: LocalDefaults.For);
        await using (app)
        {
            foreach (var (setting, key) in generatedKeys)
            {
                // Shown once, to the person who started the server; never logged.
                Console.WriteLine($"{setting} was not set; generated for this run: {key}");
            }

            await app.RunAsync(cancellationToken);
        }

        return 0;
    }
}
