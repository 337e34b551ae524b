using Attendance.Functions.Timers;
using Microsoft.Extensions.Logging;

namespace Attendance.Functions.Tests.Timers;

/// <summary>
/// The nightly export's timer function as the worker runs it, on core's services and a real Azurite: it exports on
/// every run and says in the logs when a run comes late.
/// </summary>
public sealed class ExportTimerFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_past_due_timer_run_is_logged_as_a_warning_and_still_exports()
    {
        var logs = new CapturedLogs();
        await using var provider = TestServices.Build(TestSettings.InAzure(azurite.ConnectionString), logs);
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
        await using var provider = TestServices.Build(TestSettings.InAzure(azurite.ConnectionString), logs);
        await ActivatorUtilities.CreateInstance<ExportTimerFunction>(provider).Run(new TimerInfo(), new InvocationContext(provider), Ct);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 2103);
        Assert.Contains(logs.Entries, e => e.EventId == 2001);
    }
}
