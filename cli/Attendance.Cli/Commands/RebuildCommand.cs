using System.CommandLine;
using Attendance.Export;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary>
/// <c>attendance rebuild --new-pseudonym-key</c>: after a deliberate change of <c>Export:PseudonymKey</c>, rewrites the
/// attendance table from the store under the new key in one commit. The key comes from configuration as for every
/// run, never from the command line; the flag only says the change is meant.
/// </summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var confirm = new Option<bool>("--new-pseudonym-key")
        {
            Description = $"Confirm that {CliHelp.Both("Export:PseudonymKey")} was changed on purpose: every participant_key in the table is recomputed with it.",
        };
        var command = new Command("rebuild", CliHelp.Describe("Rewrite the attendance table from the store under the configured pseudonym key, in one commit.",
            "AttendanceStorage", "Store:EventsTable", "Store:SubmissionsTable", "Export:Container", "Export:PseudonymKey", "Export:IncludeNames")) { confirm };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(confirm), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            await Console.Error.WriteLineAsync("attendance: rebuild rewrites every participant_key under the configured Export:PseudonymKey; run it as `attendance rebuild --new-pseudonym-key` to confirm.");
            return CliFailure.ExitCode;
        }

        using var host = CliHost.Build();
        var result = await host.Services.GetRequiredService<ExportRunner>().RebuildAttendanceAsync(progress: null, cancellationToken);
        CliConsole.Out.MarkupLine($"Rebuilt [bold]{result.Table}[/] at version {result.Version}: {result.RowsAdded:N0} rows in 1 file, {result.FilesRemoved} files removed.");
        return 0;
    }
}
