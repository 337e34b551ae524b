using Attendance.Export;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Attendance.Functions.Timers;

/// <summary>
/// The nightly export, on the schedule in the app setting <c>ExportSchedule</c> (6-field NCRONTAB, UTC). The
/// host runs one invocation at a time across all instances; a failed run is logged as a failed invocation and
/// the next occurrence catches up, because the export appends whatever is not yet in the Delta table.
/// RunOnStartup stays off: on Flex Consumption it would fire on every scale-out and restart.
/// </summary>
public sealed partial class ExportTimerFunction(ExportRunner runner)
{
    [Function("NightlyExport")]
    public async Task Run(
        [TimerTrigger("%" + ExportSchedule.SettingName + "%", RunOnStartup = false)] TimerInfo timer,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);

        // A late run (the app was stopped or scaled to zero past the occurrence) still exports everything
        // missing, so it goes ahead; the warning explains the gap in the run history.
        if (timer.IsPastDue)
        {
            LogPastDue(context.GetLogger<ExportTimerFunction>(), timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
        }

        await runner.RunAsync(ExportScheduler.Trigger, progress: null, cancellationToken);
    }

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The nightly export runs past due (schedule status: last {Last:u}, next {Next:u})")]
    private static partial void LogPastDue(ILogger logger, DateTime? last, DateTime? next);
}
