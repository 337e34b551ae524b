using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attendance.Export;

/// <summary>
/// Runs the export on <see cref="ExportSchedule"/> inside the local server, as the Functions timer trigger does
/// in Azure (which the Functions app uses instead). A failed run is logged and retried at the next occurrence,
/// as the timer trigger does.
/// </summary>
public sealed partial class ExportScheduler(ExportSchedule schedule, ExportRunner runner, TimeProvider time, ILogger<ExportScheduler> logger) : BackgroundService
{
    public const string Trigger = "schedule";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            LogNextRun(logger, schedule.Expression, next);
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }

            try
            {
                await runner.RunAsync(Trigger, progress: null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Next export ({Schedule}) at {Next:u}")]
    private static partial void LogNextRun(ILogger logger, string schedule, DateTimeOffset next);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Scheduled export failed; the next occurrence will retry")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
