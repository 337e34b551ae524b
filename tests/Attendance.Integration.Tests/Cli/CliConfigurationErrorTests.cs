namespace Attendance.Integration.Tests.Cli;

/// <summary>Mistakes in settings of more than one options type still make one line that names every setting.</summary>
public sealed class CliConfigurationErrorTests : IDisposable
{
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("attendance-data-");

    [Fact]
    public async Task A_mistyped_schedule_and_a_missing_pseudonym_key_are_told_together_in_one_line()
    {
        // ExportSchedule and Export are checked by two validators when the server starts; .NET reports the two
        // failures as an AggregateException, which the command must still explain.
        var result = await CliProcess.RunAsync("serve --urls http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = "DefaultEndpointsProtocol=https;AccountName=perpusnas;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net",
            [ExportSchedule.SettingName] = "0 19 * * *",
            ["ATTENDANCE_DATA"] = data.FullName,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("attendance: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains("Export:PseudonymKey is required", line, StringComparison.Ordinal);
        Assert.Contains(ExportSchedule.Rule, line, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleQ==", result.Output + result.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => data.Delete(recursive: true);
}
