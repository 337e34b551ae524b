using System.Net.Http.Json;
using Attendance.Api;
using Attendance.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// The API as <c>attendance serve</c> runs it (<see cref="LocalServer"/>), on a free 127.0.0.1 port, against a real
/// Azurite, with tables and a container of its own so tests do not see each other's data.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string FunctionKey = "function-key-for-tests-0001";
    public const string AdminKey = "admin-key-for-tests-00000001";
    public const string PseudonymKey = "pseudonym-key-for-tests-0000000000000";

    private readonly WebApplication app;

    private ApiServer(WebApplication app, Uri baseAddress, string container)
    {
        this.app = app;
        Container = container;
        Client = new HttpClient { BaseAddress = baseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        Anonymous = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>A client sending the function key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; }

    public string Container { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<ApiServer> StartAsync(
        string connectionString, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    {
        var container = StorageNames.Container("analytics");
        var all = new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = connectionString,
            ["AttendanceStorage:MaxRetries"] = "1",
            ["AttendanceStorage:RetryDelay"] = "00:00:00.050",
            ["AttendanceStorage:NetworkTimeout"] = "00:00:05",
            ["Store:EventsTable"] = StorageNames.Table("events"),
            ["Store:SubmissionsTable"] = StorageNames.Table("submissions"),
            ["Export:Container"] = container,
            ["Export:PseudonymKey"] = PseudonymKey,
            ["Auth:FunctionKey"] = FunctionKey,
            ["Auth:AdminKey"] = AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var (app, _) = LocalServer.Build("http://127.0.0.1:0", all, runSchedule: false, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ApiServer(app, new Uri(address.TrimEnd('/') + "/api/"), container);
    }

    /// <summary>Registers an event with the admin key and returns its form token.</summary>
    public async Task<string> RegisterEventAsync(string eventId, object registration)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"events/{eventId}") { Content = JsonContent.Create(registration) };
        request.Headers.Add("x-functions-key", AdminKey);
        using var response = await Anonymous.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var saved = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return saved.GetProperty("formToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
