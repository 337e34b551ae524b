using System.CommandLine;
using Attendance.Export;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary>
/// <c>attendance lake download DIR</c>: copies the analytics tables' live files and their log out of the export
/// container into a folder (<see cref="LakeDownload"/>), for DuckDB or other tools on a machine without Azure
/// (docs/powerbi.md, "On your machine").
/// </summary>
internal static class LakeCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "An empty (or new) folder to copy the tables into: DIR/attendance, DIR/events, DIR/regions." };
        var download = new Command("download", CliHelp.Describe(
            "Copy each analytics table's live Parquet files (its latest version, read from the Delta log) and its log into a folder, so that "
            + "DIR/attendance/*.parquet is exactly the table; files the tables removed stay behind. For DuckDB on a copy: docs/powerbi.md.",
            "AttendanceStorage", "Export:Container")) { directory };
        download.SetAction((parse, cancellationToken) => DownloadAsync(parse.GetValue(directory)!, cancellationToken));
        return new Command("lake", "The analytics tables (the Delta lake in the export container) on this machine.") { download };
    }

    private static async Task<int> DownloadAsync(string directory, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var results = await host.Services.GetRequiredService<LakeDownload>().DownloadAsync(directory, cancellationToken);
        var table = new Table().AddColumns("table", "version", "live files", "bytes", "log files");
        foreach (var result in results)
        {
            table.AddRow(result.Table, result.Version.ToString(), result.Files.ToString(), result.Bytes.ToString("N0"), result.LogFiles.ToString());
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine(results.Count == 0
            ? "Nothing exported yet: run attendance export first."
            : $"Copied to {Markup.Escape(Path.GetFullPath(directory))}; read it with DuckDB: SELECT * FROM read_parquet('{Markup.Escape(Path.Combine(directory, "attendance", "*.parquet"))}')");
        return 0;
    }
}
