using Attendance.Export;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Timers;

/// <summary>
/// The nightly export, on the schedule in the app setting <c>ExportSchedule</c> (6-field NCRONTAB, UTC). The
/// host runs one invocation at a time across all instances; a failed run is logged as a failed invocation and
/// the next occurrence catches up, because the export appends whatever is not yet in the Delta table.
/// RunOnStartup stays off: on Flex Consumption it would fire on every scale-out and restart.
/// </summary>
public sealed class ExportTimerFunction(ExportRunner runner)
{
    [Function("NightlyExport")]
    public async Task Run(
        [TimerTrigger("%" + ExportSchedule.SettingName + "%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await runner.RunAsync(ExportScheduler.Trigger, progress: null, cancellationToken);
    }
}
