using Attendance.Integration.Tests.Cli;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// docs/powerbi.md "On your machine": the local analyst's recipe run as written. An export on Azurite whose tables
/// have removed files (a voided attendance, a renamed event), copied out with <c>attendance lake download</c>, then the
/// page's SQL block run by DuckDB in the folder holding the copy: it must count the live table, not the removed files.
/// </summary>
public sealed class LocalAnalystRecipeTests(AzuriteFixture azurite) : IDisposable
{
    private const string RenamedEvent = "Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung (Bandar Lampung)";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("attendance-analyst-");

    [Fact]
    public async Task The_documented_duckdb_recipe_reads_the_live_tables_of_a_downloaded_export()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await PostAsync(api, Lampung.Submission("Siti Nur'aini"));
        await PostAsync(api, Lampung.Submission("Siti Nur'aini", day: "2023-06-06"));
        await PostAsync(api, Lampung.Submission("Budi Santoso", regency: "Kota Metro"));
        var stranger = await PostAsync(api, Lampung.Submission("Orang Lain", regency: "Kota Metro"));
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);

        // A void rewrites the attendance file and a new name the events file: the old files stay in the container.
        (await api.AdminAsync(HttpMethod.Delete, $"events/{Lampung.EventId}/attendance/{stranger}?reason=Bukan%20peserta")).Dispose();
        (await api.AdminAsync(HttpMethod.Put, $"events/{Lampung.EventId}", new
        {
            name = RenamedEvent, startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung", regency = "Kota Bandar Lampung",
        })).Dispose();
        await runner.RunAsync("second", cancellationToken: Ct);
        var container = api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
        var attendanceFiles = await container.GetBlobsAsync(new GetBlobsOptions { Prefix = "attendance/" }, Ct)
            .CountAsync(b => b.Name.EndsWith(".parquet", StringComparison.Ordinal) && !b.Name.Contains("/_delta_log/", StringComparison.Ordinal), Ct);

        var download = await CliProcess.RunAsync($"lake download {Path.Combine(work.FullName, "lake")}", new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = azurite.ConnectionString,
            ["Export:Container"] = api.Container,
            ["ATTENDANCE_DATA"] = work.FullName,
        }, Ct);
        var again = await CliProcess.RunAsync($"lake download {Path.Combine(work.FullName, "lake")}", new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = azurite.ConnectionString,
            ["Export:Container"] = api.Container,
            ["ATTENDANCE_DATA"] = work.FullName,
        }, Ct);
        var results = await RunDocumentedSqlAsync();

        Assert.Equal(0, download.ExitCode);
        Assert.True(attendanceFiles > Directory.GetFiles(Path.Combine(work.FullName, "lake", "attendance"), "*.parquet").Length,
            "the container should still hold a removed attendance file, or the test proves nothing");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds files", again.Errors, StringComparison.Ordinal);
        Assert.Equal(2, results.Count);
        Assert.Equal(
            [$"{RenamedEvent}|2023-06-05|2|2", $"{RenamedEvent}|2023-06-06|1|1"],
            results[0].Select(r => $"{r["event"]}|{r["session_date"]}|{r["attendances"]}|{r["participants"]}"));
        Assert.Equal(
            ["Lampung|Kabupaten Pesawaran|1", "Lampung|Kota Metro|1"],
            results[1].Select(r => $"{r["province"]}|{r["regency"]}|{r["participants"]}"));
    }

    public void Dispose() => work.Delete(recursive: true);

    private static async Task<string> PostAsync(ApiServer api, Dictionary<string, string> submission)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", submission, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString()!;
    }

    /// <summary>The one <c>sql</c> block of docs/powerbi.md, run by DuckDB in the folder that holds <c>lake/</c>: the rows of each query.</summary>
    private async Task<List<List<Dictionary<string, string?>>>> RunDocumentedSqlAsync()
    {
        var page = await File.ReadAllTextAsync(RepoPaths.Combine("docs", "powerbi.md"), Ct);
        var blocks = Regex.Matches(page, @"^```sql\n(?<sql>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        var sql = Assert.Single(blocks).Groups["sql"].Value;
        var file = Path.Combine(work.FullName, "recipe.sql");
        await File.WriteAllTextAsync(file, sql, Ct);
        var output = await NodeProcess.RunAsync("tests/oracles/duckdb-sql.mjs", [work.FullName, file], TimeSpan.FromMinutes(2), Ct);
        return JsonSerializer.Deserialize<List<List<Dictionary<string, string?>>>>(output)!;
    }
}
