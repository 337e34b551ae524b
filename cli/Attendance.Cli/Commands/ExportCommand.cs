using System.CommandLine;
using Attendance.Export;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary><c>attendance export</c>: runs the export now, with a progress display, and prints what it did.</summary>
internal static class ExportCommand
{
    public const string Trigger = "cli";

    public static Command Create()
    {
        var command = new Command("export", CliHelp.Describe("Export new submissions to the Delta tables now (the same run as the nightly timer), apply corrections, voids and erasures, and expire contact details past their retention.",
            "AttendanceStorage", "Store:EventsTable", "Store:SubmissionsTable", "Export:Container", "Export:PseudonymKey", "Export:IncludeNames", "Export:RemovedFileRetention", "Privacy:ContactRetention"));
        var allEvents = new Option<bool>("--all-events")
        {
            Description = "Read every event's counter instead of only the events changed since the last run (after restoring the submissions table from a copy, or to be sure).",
        };
        command.Options.Add(allEvents);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(allEvents), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool allEvents, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var runner = host.Services.GetRequiredService<ExportRunner>();
        // The live progress display redraws its lines: on a terminal only, never into a file or a pipe.
        var summary = CliConsole.IsTerminal
            ? await RunWithProgressAsync(runner, allEvents, cancellationToken)
            : await runner.RunAsync(Trigger, allEvents, progress: null, cancellationToken);

        var table = new Table().AddColumns("table", "version", "changed", "rows added", "files added", "files removed");
        foreach (var result in summary.Tables)
        {
            table.AddRow(result.Table, result.Version.ToString(), result.Changed ? "yes" : "no", result.RowsAdded.ToString("N0"),
                result.FilesAdded.ToString(), result.FilesRemoved.ToString());
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine($"Run [bold]{summary.RunId}[/] took {(summary.FinishedAt - summary.StartedAt).TotalSeconds:N1} s"
            + (summary.AllEvents ? $", reading every event's counter ({summary.EventsRead:N0})." : $", reading the counters of the {summary.EventsRead:N0} events changed since the last run."));
        foreach (var gap in summary.Lost)
        {
            CliConsole.Out.MarkupLine($"[red]lost[/] {Markup.Escape(gap.EventId)}: submissions #{gap.From}-#{gap.To} ({gap.Count}) were numbered but are gone from the store; this event was not exported and its mark stays");
        }

        foreach (var behind in summary.Behind)
        {
            CliConsole.Out.MarkupLine($"[red]counter behind mark[/] {Markup.Escape(behind.EventId)}: counter {behind.Counter}, export mark {behind.Mark}; moved up to the mark"
                + (behind.NotExportable.Count == 0 ? "" : $"; #{string.Join(", #", behind.NotExportable)} were numbered at or below the mark and cannot be exported (run verify)"));
        }

        if (summary.ChangesApplied > 0)
        {
            CliConsole.Out.MarkupLine($"{summary.ChangesApplied:N0} corrections, voids and erasures applied to the attendance table.");
        }

        foreach (var changes in summary.ChangesBehind)
        {
            CliConsole.Out.MarkupLine($"[red]changes behind mark[/] {Markup.Escape(changes.EventId)}: the store counts {changes.Changes} changes, the export applied {changes.Mark}; its change log was lost with the submissions table: its new changes are applied and the mark set back; changes made before the loss went with it (run verify)");
        }

        foreach (var resumption in summary.Resumptions.Where(r => !r.Acknowledged))
        {
            CliConsole.Out.MarkupLine($"[red]counter resumed[/] {Markup.Escape(resumption.EventId)}: found missing at {resumption.At:yyyy-MM-dd HH:mm} UTC, numbering resumed after #{resumption.After}; not acknowledged (run verify)");
        }

        return summary.NeedsAttention ? 1 : 0;
    }

    private static async Task<ExportSummary> RunWithProgressAsync(ExportRunner runner, bool allEvents, CancellationToken cancellationToken)
    {
        ExportSummary? summary = null;
        await CliConsole.Out.Progress().AutoClear(false).StartAsync(async context =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            var progress = new Progress<ExportProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Table, out var task))
                {
                    tasks[p.Table] = task = context.AddTask(p.Table).IsIndeterminate();
                }

                task.Description = $"{p.Table}: {p.Stage} {p.Rows:N0} rows";
            });
            summary = await runner.RunAsync(Trigger, allEvents, progress, cancellationToken);
            foreach (var task in tasks.Values)
            {
                task.IsIndeterminate(false).Value(task.MaxValue);
            }
        });
        return summary!;
    }
}
