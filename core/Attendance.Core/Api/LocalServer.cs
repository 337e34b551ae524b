using Attendance.Auth;
using Attendance.Export;
using Attendance.Venue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Api;

/// <summary>
/// The API as a plain ASP.NET Core server, for <c>attendance serve</c> and the integration tests: the same
/// registration and routes as the Functions app, with key checks standing in for the Functions host's.
/// </summary>
public static class LocalServer
{
    /// <summary>
    /// Builds the server listening on <paramref name="urls"/>. Settings come from the environment and
    /// appsettings.json, then <paramref name="settings"/>. Keys left unset are generated and returned, to be shown once.
    /// With <paramref name="runSchedule"/> the export runs on <see cref="ExportSchedule"/>, as the timer does in Azure.
    /// <paramref name="defaults"/> sees the settings so far and returns values to add for what they leave unset.
    /// Logging starts at one line per request (<see cref="LocalServerLogging"/>).
    /// </summary>
    public static (WebApplication App, IReadOnlyList<(string Setting, string Key)> GeneratedKeys) Build(
        string urls, IEnumerable<KeyValuePair<string, string?>>? settings = null, bool runSchedule = true, Action<IServiceCollection>? configureServices = null,
        Func<IConfiguration, IEnumerable<KeyValuePair<string, string?>>>? defaults = null)
    {
        var builder = WebApplication.CreateBuilder();
        LocalServerLogging.AddDefaults(builder.Configuration);
        builder.WebHost.UseUrls(urls);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (defaults is not null)
        {
            builder.Configuration.AddInMemoryCollection(defaults(builder.Configuration));
        }

        var generated = LocalKeys.EnsureConfigured(builder.Configuration);
        builder.Services.AddAttendance(builder.Configuration);

        // A developer's machine: with no Forms:PublicBaseUrl the link may follow the address the organizer used.
        builder.Services.AddSingleton<RequestHostLinks>();
        if (runSchedule)
        {
            builder.Services.AddHostedService<ExportScheduler>();
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapAttendanceApi();
        return (app, generated);
    }
}
