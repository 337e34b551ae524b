using System.CommandLine;
using Attendance.Export;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary>
/// <c>attendance clean-up [--now]</c>: deletes the data files the tables no longer reference. Without <c>--now</c>, what
/// every export run does (removed files once <c>Export:RemovedFileRetention</c> has passed); with it, every removed file
/// at once, for an erasure: run <c>attendance export</c> first, so the files holding the person's rows are removed.
/// Exits 1 when an event has changes the export has not applied yet (their old rows are still live).
/// </summary>
internal static class CleanUpCommand
{
    public static Command Create()
    {
        var now = new Option<bool>("--now")
        {
            Description = $"Delete every file removed from the tables now, regardless of {CliHelp.Both("Export:RemovedFileRetention")} (after an erasure). Versions before the removal can no longer be read.",
        };
        var command = new Command("clean-up", CliHelp.Describe("Delete data files the Delta tables no longer reference (exit code 1 while an event has changes not exported yet).",
            "AttendanceStorage", "Store:EventsTable", "Store:SubmissionsTable", "Export:Container", "Export:RemovedFileRetention")) { now };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(now), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool immediately, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var results = await host.Services.GetRequiredService<RemovedFileCleanUp>().RunAsync(immediately, cancellationToken);
        var table = new Table().AddColumns("table", "version", "files deleted", "live files");
        foreach (var result in results.Tables)
        {
            table.AddRow(result.Table, result.Version.ToString(), result.FilesDeleted.ToString(), result.LiveFiles.ToString());
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine(immediately
            ? "Every file the tables have removed is deleted: versions before the removal can no longer be read (time travel)."
            : "Removed files younger than Export:RemovedFileRetention stay; --now deletes them at once.");
        foreach (var (eventId, pending) in results.PendingChanges)
        {
            CliConsole.Out.MarkupLine($"[red]not exported yet[/] {Markup.Escape(eventId)}: {pending} corrections, voids or erasures; their old rows are still in live files. Run attendance export, then clean-up again.");
        }

        return results.PendingChanges.Count == 0 ? 0 : 1;
    }
}
