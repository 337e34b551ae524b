using System.Globalization;
using System.Text;
using System.Text.Json;
using Attendance.Functions.Http;
using Attendance.Functions.Timers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Functions.Tests;

/// <summary>
/// The functions as the worker runs them: core's services registered as Program.cs registers them, function classes
/// created by ActivatorUtilities (as the worker's activator does), the returned <see cref="IResult"/> executed
/// against the invocation's HttpContext (as the worker's ASP.NET Core integration does), and core talking to a
/// real Azurite.
/// </summary>
public sealed class FunctionsOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string PseudonymKey = "pseudonym-key-for-function-tests-000000";

    [Fact]
    public async Task An_event_is_registered_read_attended_and_exported_through_the_functions()
    {
        await using var provider = BuildServices(Settings(azurite.ConnectionString));
        provider.GetRequiredService<IStartupValidator>().Validate();
        var eventId = "bimtek-" + Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        var health = await InvokeAsync(provider, "GET", "/api/health", null,
            (request, f) => f.Create<HealthFunction>().Get(request, Ct));
        Assert.Equal(StatusCodes.Status200OK, health.Status);

        var registration = new
        {
            name = "Bimtek SPP-TIK Lampung",
            startDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            province = "Lampung",
        };
        var put = await InvokeAsync(provider, "PUT", $"/api/events/{eventId}", registration,
            (request, f) => f.Create<EventsFunctions>().Put(request, eventId, Ct));
        Assert.Equal(StatusCodes.Status201Created, put.Status);
        Assert.Equal($"/api/events/{eventId}", put.Location);

        var submission = new
        {
            eventId,
            sessionDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            fullName = "Siti Rahmawati",
            province = "Lampung",
            regency = "Kota Bandar Lampung",
            email = "siti.rahmawati@example.org",
            source = "function-test",
        };
        var posted = await InvokeAsync(provider, "POST", "/api/submissions", submission,
            (request, f) => f.Create<SubmissionsFunction>().Post(request, Ct));
        Assert.Equal(StatusCodes.Status201Created, posted.Status);
        var again = await InvokeAsync(provider, "POST", "/api/submissions", submission,
            (request, f) => f.Create<SubmissionsFunction>().Post(request, Ct));
        Assert.Equal(posted.Json.GetProperty("submissionId").GetString(), again.Json.GetProperty("submissionId").GetString());

        var read = await InvokeAsync(provider, "GET", $"/api/events/{eventId}", null,
            (request, f) => f.Create<EventsFunctions>().Get(request, eventId, Ct));
        Assert.Equal(StatusCodes.Status200OK, read.Status);
        Assert.False(read.Json.TryGetProperty("formToken", out _), "a function key must not reveal the form token.");

        // The timer exports the new attendance; the HTTP export right after finds nothing new to append.
        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(new TimerInfo(), new InvocationContext(provider), Ct);
        var exported = await InvokeAsync(provider, "POST", "/api/exports", null,
            (request, f) => f.Create<ExportsFunction>().Post(request, Ct));
        Assert.Equal(StatusCodes.Status200OK, exported.Status);
        var attendance = exported.Json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "attendance");
        Assert.Equal(0, attendance.GetProperty("rowsAdded").GetInt64());
        Assert.True(attendance.GetProperty("version").GetInt64() >= 0, "the timer's run must have created the attendance table.");
    }

    [Fact]
    public async Task A_missing_event_is_a_problem_response_not_a_failed_invocation()
    {
        await using var provider = BuildServices(Settings(azurite.ConnectionString));
        var response = await InvokeAsync(provider, "GET", "/api/events/no-such-event", null,
            (request, f) => f.Create<EventsFunctions>().Get(request, "no-such-event", Ct));
        Assert.Equal(StatusCodes.Status404NotFound, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_due_timer_run_is_logged_as_a_warning_and_still_exports()
    {
        var logs = new CapturedLogs();
        await using var provider = BuildServices(Settings(azurite.ConnectionString), logs);
        var timer = new TimerInfo
        {
            IsPastDue = true,
            ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc), Next = new DateTime(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc) },
        };

        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(timer, new InvocationContext(provider), Ct);

        var late = Assert.Single(logs.Entries, e => e.EventId == 2103);
        Assert.Equal(LogLevel.Warning, late.Level);
        Assert.Equal(typeof(ExportTimerFunction).FullName, late.Category);
        Assert.Contains("last 2026-11-30 19:00:00Z, next 2026-12-01 19:00:00Z", late.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId == 2001); // the export started all the same
    }

    [Fact]
    public async Task An_on_time_timer_run_logs_no_warning()
    {
        var logs = new CapturedLogs();
        await using var provider = BuildServices(Settings(azurite.ConnectionString), logs);
        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(new TimerInfo(), new InvocationContext(provider), Ct);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 2103);
        Assert.Contains(logs.Entries, e => e.EventId == 2001);
    }

    [Fact]
    public async Task Startup_refuses_an_unresolved_key_vault_reference_as_the_pseudonym_key()
    {
        var settings = Settings(azurite.ConnectionString);
        settings["Export:PseudonymKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/PseudonymKey/)";
        await using var provider = BuildServices(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("unresolved Key Vault reference", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_refuses_an_app_without_a_public_address_where_the_platform_reports_no_host_name()
    {
        // The link would otherwise follow each request's Host header, which the client chooses.
        var settings = Settings(azurite.ConnectionString);
        settings.Remove("WEBSITE_HOSTNAME");
        await using (var provider = BuildServices(settings))
        {
            var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("Forms:PublicBaseUrl must be set", failure.Message, StringComparison.Ordinal);
        }

        settings["Forms:PublicBaseUrl"] = "https://hadir.perpusnas.example";
        await using (var provider = BuildServices(settings))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
    }

    [Fact]
    public async Task Startup_accepts_a_resolved_pseudonym_key()
    {
        await using var provider = BuildServices(Settings(azurite.ConnectionString));
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["WEBSITE_HOSTNAME"] = "func-test.azurewebsites.net",
        ["AttendanceStorage"] = connectionString,
        ["AttendanceStorage:MaxRetries"] = "1",
        ["AttendanceStorage:RetryDelay"] = "00:00:00.050",
        ["Store:EventsTable"] = StorageNames.Table("events"),
        ["Store:SubmissionsTable"] = StorageNames.Table("submissions"),
        ["Export:Container"] = StorageNames.Container("analytics"),
        ["Export:PseudonymKey"] = PseudonymKey,
    };

    // Core's registrations as the worker gets them from AddAttendanceFunctions, on a plain container; the worker's
    // own plumbing (ASP.NET Core integration, telemetry) is built in FunctionsAppHostTests.
    private static ServiceProvider BuildServices(Dictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAttendance(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static async Task<Response> InvokeAsync(
        IServiceProvider provider, string method, string path, object? body, Func<HttpRequest, Activator, Task<IResult>> function)
    {
        var context = new DefaultHttpContext { RequestServices = provider, TraceIdentifier = Guid.NewGuid().ToString("N") };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("func-test.azurewebsites.net");
        context.Request.Path = path;
        if (body is not null)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        var result = await function(context.Request, new Activator(provider));
        await result.ExecuteAsync(context);

        var text = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        var json = text.Length > 0 && context.Response.ContentType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new Response(context.Response.StatusCode, context.Response.ContentType ?? string.Empty, context.Response.Headers.Location.ToString(), json);
    }

    private sealed record Response(int Status, string ContentType, string Location, JsonElement Json);

    private sealed class Activator(IServiceProvider provider)
    {
        public T Create<T>() => ActivatorUtilities.CreateInstance<T>(provider);
    }
}
