using Attendance.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// The API as <c>attendance serve</c> runs it (<see cref="LocalServer"/>), on a free 127.0.0.1 port, against a real
/// Azurite, with tables and a container of its own so tests do not see each other's data.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string FunctionKey = TestSettings.FunctionKey;
    public const string AdminKey = TestSettings.AdminKey;

    private readonly WebApplication app;

    private ApiServer(WebApplication app, Uri baseAddress, string container, IReadOnlyDictionary<string, string?> settings, TimeProvider? time)
    {
        this.app = app;
        Time = time;
        Container = container;
        Settings = settings;
        Client = new HttpClient { BaseAddress = baseAddress };
        Client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        Anonymous = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>A client sending the function key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; }

    public string Container { get; }

    /// <summary>The settings the server runs with, for tests that build more services on the same tables.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The clock the server was started with, when not the system's.</summary>
    public TimeProvider? Time { get; }

    /// <summary>The Lampung training's form token, when <see cref="StartWithLampungAsync"/> registered it.</summary>
    public string? LampungFormToken { get; private set; }

    public static async Task<ApiServer> StartAsync(
        string connectionString, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    {
        var all = TestSettings.Create(connectionString, settings);
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
        return new ApiServer(app, new Uri(address.TrimEnd('/') + "/api/"), all["Export:Container"]!, all, time);
    }

    /// <summary>
    /// <see cref="StartAsync"/>, then the organizer registers the Lampung training, the event most tests sign in to.
    /// </summary>
    public static async Task<ApiServer> StartWithLampungAsync(
        string connectionString, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    {
        var api = await StartAsync(connectionString, time, configureServices, settings);
        try
        {
            api.LampungFormToken = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers an event with the admin key and returns its form token.</summary>
    public async Task<string> RegisterEventAsync(string eventId, object registration)
    {
        using var response = await AdminAsync(HttpMethod.Put, $"events/{eventId}", registration);
        response.EnsureSuccessStatusCode();
        var saved = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return saved.GetProperty("formToken").GetString()!;
    }

    /// <summary>Posts one batch of Lampung sign-ins, one per name, with the function key; fails the test unless accepted.</summary>
    public async Task PostLampungAsync(IEnumerable<string> names)
    {
        using var response = await Client.PostAsJsonAsync("submissions", names.Select(n => Lampung.Submission(n)).ToArray());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The submission ids the store holds for the Lampung event, numbered up to <paramref name="upTo"/> (the counter when null).</summary>
    public async Task<HashSet<string>> StoredLampungIdsAsync(long? upTo = null)
    {
        var store = Services.GetRequiredService<Attendance.Submissions.SubmissionStore>();
        var last = upTo ?? await store.GetLastSequenceAsync(Lampung.EventId);
        return await store.ReadAsync(Lampung.EventId, 0, last).Select(s => s.SubmissionId).ToHashSetAsync();
    }

    /// <summary>A request with the admin key; a string body is sent as JSON text as it is, anything else serialized.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                string json => new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body),
            },
        };
        request.Headers.Add("x-functions-key", AdminKey);
        return await Anonymous.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
