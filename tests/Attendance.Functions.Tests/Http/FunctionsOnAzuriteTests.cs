using System.Globalization;
using Attendance.Functions.Http;
using Attendance.Functions.Timers;
using Microsoft.Extensions.Options;

namespace Attendance.Functions.Tests.Http;

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
        await using var provider = TestServices.Build(TestSettings.InAzure(azurite.ConnectionString));
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
        // The timer's run must have created the attendance table.
        Assert.InRange(attendance.GetProperty("version").GetInt64(), 0, long.MaxValue);
    }

    [Fact]
    public async Task A_missing_event_is_a_problem_response_not_a_failed_invocation()
    {
        await using var provider = TestServices.Build(TestSettings.InAzure(azurite.ConnectionString));
        var response = await WorkerInvocation.InvokeAsync(provider, "GET", "/api/events/no-such-event",
            a => a.Create<EventsFunctions>().Get(a.Request, "no-such-event", Ct));
        Assert.Equal(StatusCodes.Status404NotFound, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }
}
