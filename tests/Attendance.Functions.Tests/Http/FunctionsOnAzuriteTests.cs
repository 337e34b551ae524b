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
    [Fact]
    public async Task An_event_is_registered_read_attended_and_exported_through_the_functions()
    {
        await using var provider = TestServices.Build(Settings(azurite.ConnectionString));
        provider.GetRequiredService<IStartupValidator>().Validate();
        var eventId = "bimtek-" + Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        var health = await WorkerInvocation.InvokeAsync(provider, "GET", "/api/health",
            a => a.Create<HealthFunction>().Get(a.Request, Ct));
        Assert.Equal(StatusCodes.Status200OK, health.Status);

        var registration = new
        {
            name = "Bimtek SPP-TIK Lampung",
            startDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            province = "Lampung",
        };
        var put = await WorkerInvocation.InvokeAsync(provider, "PUT", $"/api/events/{eventId}",
            a => a.Create<EventsFunctions>().Put(a.Request, eventId, Ct), body: JsonSerializer.Serialize(registration));
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
        var posted = await WorkerInvocation.InvokeAsync(provider, "POST", "/api/submissions",
            a => a.Create<SubmissionsFunction>().Post(a.Request, Ct), body: JsonSerializer.Serialize(submission));
        Assert.Equal(StatusCodes.Status201Created, posted.Status);
        var again = await WorkerInvocation.InvokeAsync(provider, "POST", "/api/submissions",
            a => a.Create<SubmissionsFunction>().Post(a.Request, Ct), body: JsonSerializer.Serialize(submission));
        Assert.Equal(posted.Json.GetProperty("submissionId").GetString(), again.Json.GetProperty("submissionId").GetString());

        var read = await WorkerInvocation.InvokeAsync(provider, "GET", $"/api/events/{eventId}",
            a => a.Create<EventsFunctions>().Get(a.Request, eventId, Ct));
        Assert.Equal(StatusCodes.Status200OK, read.Status);
        Assert.False(read.Json.TryGetProperty("formToken", out _), "a function key must not reveal the form token.");

        // The timer exports the new attendance; the HTTP export right after finds nothing new to append.
        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(new TimerInfo(), new InvocationContext(provider), Ct);
        var exported = await WorkerInvocation.InvokeAsync(provider, "POST", "/api/exports",
            a => a.Create<ExportsFunction>().Post(a.Request, Ct));
        Assert.Equal(StatusCodes.Status200OK, exported.Status);
        var attendance = exported.Json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "attendance");
        Assert.Equal(0, attendance.GetProperty("rowsAdded").GetInt64());
        Assert.True(attendance.GetProperty("version").GetInt64() >= 0, "the timer's run must have created the attendance table.");
    }

    [Fact]
    public async Task A_missing_event_is_a_problem_response_not_a_failed_invocation()
    {
        await using var provider = TestServices.Build(Settings(azurite.ConnectionString));
        var response = await WorkerInvocation.InvokeAsync(provider, "GET", "/api/events/no-such-event",
            a => a.Create<EventsFunctions>().Get(a.Request, "no-such-event", Ct));
        Assert.Equal(StatusCodes.Status404NotFound, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_due_timer_run_is_logged_as_a_warning_and_still_exports()
    {
        var logs = new CapturedLogs();
        await using var provider = TestServices.Build(Settings(azurite.ConnectionString), logs);
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
        await using var provider = TestServices.Build(Settings(azurite.ConnectionString), logs);
        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(new TimerInfo(), new InvocationContext(provider), Ct);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 2103);
        Assert.Contains(logs.Entries, e => e.EventId == 2001);
    }

    [Fact]
    public async Task Startup_refuses_an_unresolved_key_vault_reference_as_the_pseudonym_key()
    {
        var settings = Settings(azurite.ConnectionString);
        settings["Export:PseudonymKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/PseudonymKey/)";
        await using var provider = TestServices.Build(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("unresolved Key Vault reference", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_refuses_an_app_without_a_public_address_where_the_platform_reports_no_host_name()
    {
        // The link would otherwise follow each request's Host header, which the client chooses.
        var settings = Settings(azurite.ConnectionString);
        settings.Remove("WEBSITE_HOSTNAME");
        await using (var provider = TestServices.Build(settings))
        {
            var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("Forms:PublicBaseUrl must be set", failure.Message, StringComparison.Ordinal);
        }

        settings["Forms:PublicBaseUrl"] = "https://hadir.perpusnas.example";
        await using (var provider = TestServices.Build(settings))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
    }

    [Fact]
    public async Task Startup_accepts_a_resolved_pseudonym_key()
    {
        await using var provider = TestServices.Build(Settings(azurite.ConnectionString));
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static Dictionary<string, string?> Settings(string connectionString) =>
        TestSettings.Create(connectionString, new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = TestSettings.AppHostName });
}
