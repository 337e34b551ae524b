namespace Attendance.Integration.Tests.Cli;

/// <summary>
/// <c>attendance serve</c> as <c>./run.sh</c> starts it: keys kept in <c>.data/</c> across restarts unless settings
/// choose them, and one log line per request, in plain text when its output is redirected.
/// </summary>
public sealed class ServeCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string ChosenAdminKey = "admin-key-chosen-in-the-settings-01";

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("attendance-data-");
    private readonly string eventsTable = StorageNames.Table("events");
    private readonly string submissionsTable = StorageNames.Table("submissions");

    [Fact]
    public async Task A_restart_keeps_the_keys_it_made_in_data_and_a_key_set_in_the_settings_wins()
    {
        var first = await StartedKeysAsync(Environment());
        var second = await StartedKeysAsync(Environment());
        var chosen = await StartedKeysAsync(Environment(("Auth:AdminKey", ChosenAdminKey)));

        Assert.Equal(File.ReadAllText(Path.Combine(data.FullName, "function-key")), first.Printed["Auth__FunctionKey"]);
        Assert.Equal(File.ReadAllText(Path.Combine(data.FullName, "admin-key")), first.Printed["Auth__AdminKey"]);
        Assert.True(first.Printed["Auth__FunctionKey"].Length >= 32);
        Assert.NotEqual(first.Printed["Auth__FunctionKey"], first.Printed["Auth__AdminKey"]);
        Assert.Equal(first.Printed, second.Printed);
        Assert.Contains(first.Lines, l => l.StartsWith("Auth__AdminKey = ", StringComparison.Ordinal) && l.Contains("made now", StringComparison.Ordinal));
        Assert.Contains(second.Lines, l => l.StartsWith("Auth__AdminKey = ", StringComparison.Ordinal)
            && l.Contains($"kept in {Path.Combine(data.FullName, "admin-key")}; delete that file", StringComparison.Ordinal));

        // The kept keys open the routes on the next start; a key from the settings replaces the kept one.
        Assert.Equal(HttpStatusCode.NotFound, second.WithFunctionKey);
        Assert.Equal(HttpStatusCode.NotFound, second.WithAdminKey);
        Assert.Equal(HttpStatusCode.NotFound, chosen.WithChosenAdminKey);
        Assert.Equal(HttpStatusCode.Unauthorized, chosen.WithAdminKey);
        Assert.False(chosen.Printed.ContainsKey("Auth__AdminKey"));
        Assert.Equal(first.Printed["Auth__FunctionKey"], chosen.Printed["Auth__FunctionKey"]);
        Assert.DoesNotContain(chosen.Lines, l => l.Contains(ChosenAdminKey, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.FullName, "function-key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.FullName, "admin-key")));
        }
    }

    [Fact]
    public async Task Each_request_is_one_plain_log_line_and_the_routing_lines_come_back_when_asked_for()
    {
        var quiet = await RequestLinesAsync(Environment(("TERM", "xterm-256color")));
        var verbose = await RequestLinesAsync(Environment(("TERM", "xterm-256color"), ("Logging:LogLevel:Microsoft.AspNetCore", "Information")));

        // Four requests: health, the OpenAPI document, a refused key and a keyed read of an unknown event.
        Assert.Equal(4, quiet.Requests.Count);
        Assert.Collection(quiet.Requests,
            l => Assert.Contains("Health answered 200 in", l, StringComparison.Ordinal),
            l => Assert.Contains("OpenApi answered 200 in", l, StringComparison.Ordinal),
            l => Assert.Contains("GetEvent answered 401 in", l, StringComparison.Ordinal),
            l => Assert.Contains("GetEvent answered 404 in", l, StringComparison.Ordinal));
        Assert.Empty(quiet.Others);
        Assert.DoesNotContain(quiet.All, l => l.Contains('\u001b', StringComparison.Ordinal));
        Assert.Contains(verbose.Others, l => l.Contains("Microsoft.AspNetCore.Routing.EndpointMiddleware", StringComparison.Ordinal));
    }

    public void Dispose() => data.Delete(recursive: true);

    /// <summary>Starts the server, reads the keys it printed, tries them on a function route, and stops it.</summary>
    private async Task<StartedKeys> StartedKeysAsync(Dictionary<string, string?> environment)
    {
        await using var server = await CliServer.StartAsync(environment, Ct);
        var printed = server.Lines.Where(l => l.StartsWith("Auth__", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 4)).ToDictionary(p => p[0], p => p[2], StringComparer.Ordinal);
        using var client = new HttpClient { BaseAddress = server.Address };
        var withFunctionKey = await StatusAsync(client, printed.GetValueOrDefault("Auth__FunctionKey"));
        var withAdminKey = await StatusAsync(client, File.ReadAllText(Path.Combine(data.FullName, "admin-key")));
        var withChosen = await StatusAsync(client, ChosenAdminKey);
        var lines = await server.StopAsync(Ct);
        return new StartedKeys(printed, lines, withFunctionKey, withAdminKey, withChosen);
    }

    /// <summary>Four requests to a started server; its log lines after start, split into request lines and the rest.</summary>
    private static async Task<RequestLines> RequestLinesAsync(Dictionary<string, string?> environment)
    {
        await using var server = await CliServer.StartAsync(environment, Ct);
        var started = server.Lines.Count;
        using var client = new HttpClient { BaseAddress = server.Address };
        (await client.GetAsync("health", Ct)).Dispose();
        (await client.GetAsync("openapi.json", Ct)).Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, key: null));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, File.ReadAllText(Path.Combine(environment["ATTENDANCE_DATA"]!, "function-key"))));
        var all = await server.StopAsync(Ct);

        // What the requests added: everything after the start-up lines and before the shutdown's.
        var during = all.Skip(started).TakeWhile(l => !l.Contains("Application is shutting down", StringComparison.Ordinal)).ToList();
        // The host's own start-up lines may still be arriving when the first request is made.
        var requests = during.Where(l => l.Contains("Attendance.Api.ApiGuard[1004]", StringComparison.Ordinal)).ToList();
        return new RequestLines(all, requests, [.. during.Except(requests).Where(l => !l.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal))]);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "events/no-such-event");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private Dictionary<string, string?> Environment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = azurite.ConnectionString,
            ["Store:EventsTable"] = eventsTable,
            ["Store:SubmissionsTable"] = submissionsTable,
            ["ATTENDANCE_DATA"] = data.FullName,
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    private sealed record StartedKeys(
        Dictionary<string, string> Printed, IReadOnlyList<string> Lines, HttpStatusCode WithFunctionKey, HttpStatusCode WithAdminKey, HttpStatusCode WithChosenAdminKey);

    private sealed record RequestLines(IReadOnlyList<string> All, List<string> Requests, List<string> Others);
}
