namespace Attendance.Integration.Tests.Cli;

/// <summary>
/// What the commands print when their output is a file or a pipe (a scheduled job's log): plain text without escape
/// codes, sentences unbroken; and what each command's help says about its storage and settings.
/// </summary>
public sealed class CliOutputTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string[] Commands = ["serve", "export", "verify", "rebuild", "clean-up", "lake download"];

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("attendance-data-");

    [Fact]
    public async Task Redirected_export_and_verify_write_plain_text_and_never_break_a_sentence()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Siti Nur'aini"), Ct)).Dispose();
        var environment = CliProcess.SameStoreAs(api, azurite.ConnectionString, data, samePseudonymKey: true);
        // What a terminal sets, and what Spectre.Console would otherwise take as leave to colour.
        environment["TERM"] = "xterm-256color";
        environment["COLORTERM"] = "truecolor";

        var export = await CliProcess.RunAsync("export", environment, Ct);
        var verify = await CliProcess.RunAsync("verify", environment, Ct);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, verify.ExitCode);
        Assert.DoesNotContain('\u001b', export.Output + export.Errors + verify.Output + verify.Errors);
        // The run's line whole on one line: its time, then which counters it read.
        Assert.Contains(export.Output.Split('\n'), l => Regex.IsMatch(l.TrimEnd(), @"^Run [0-9a-f]+ took [0-9.,]+ s, reading (every event's counter \([0-9,]+\)|the counters of the [0-9,]+ events changed since the last run)\.$"));
        Assert.Contains(verify.Output.Split('\n'), l => l.StartsWith("Exact: table version", StringComparison.Ordinal)
            && l.TrimEnd().EndsWith($"Report: blob {Reconciliation.ReportBlobName} in the export container", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_commands_help_names_its_storage_and_each_setting_in_both_spellings()
    {
        foreach (var command in Commands)
        {
            var help = await CliProcess.RunAsync($"{command} --help", [new("ATTENDANCE_DATA", data.FullName)], Ct);

            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Storage: the AttendanceStorage settings", help.Output, StringComparison.Ordinal);
            Assert.Contains("the local Azurite emulator (AttendanceStorage=UseDevelopmentStorage=true", help.Output, StringComparison.Ordinal);
            var settings = help.Output.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, @"^[A-Za-z]+(:[A-Za-z.]+)+\s")).ToList();
            Assert.Contains(settings, l => l.StartsWith("Export:Container", StringComparison.Ordinal));
            if (command != "lake download")
            {
                Assert.Contains(settings, l => l.StartsWith("Store:SubmissionsTable", StringComparison.Ordinal));
            }

            Assert.All(settings, line =>
            {
                var names = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(2, names.Length);
                Assert.Equal(names[0].Replace(":", "__", StringComparison.Ordinal), names[1]);
            });
            if (command is "export" or "verify" or "rebuild" or "serve")
            {
                Assert.Contains("Export:PseudonymKey  ", help.Output, StringComparison.Ordinal);
                Assert.Contains("Export__PseudonymKey", help.Output, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => data.Delete(recursive: true);
}
