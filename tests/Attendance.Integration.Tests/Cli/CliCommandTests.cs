namespace Attendance.Integration.Tests.Cli;

/// <summary>The admin commands as a person types them: with the local defaults, and failing in one line.</summary>
public sealed class CliCommandTests(AzuriteFixture azurite) : IDisposable
{
    private const string SecretKey = "c2VjcmV0LWtleS1vZi10aGUtYWNjb3VudA==";

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("attendance-data-");

    [Fact]
    public async Task Export_and_verify_on_the_emulator_need_no_pseudonym_key_and_keep_the_one_they_made()
    {
        await using (var api = await ApiServer.StartAsync(azurite.ConnectionString))
        {
            await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
            (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Siti Nur'aini"), Ct)).Dispose();
            var environment = CliProcess.SameStoreAs(api, azurite.ConnectionString, data);

            var export = await CliProcess.RunAsync("export", environment, Ct);
            var key = await File.ReadAllTextAsync(Path.Combine(data.FullName, "pseudonym-key"), Ct);
            var verify = await CliProcess.RunAsync("verify", environment, Ct);

            Assert.Equal(0, export.ExitCode);
            Assert.Equal(0, verify.ExitCode);
            Assert.Contains("Exact", verify.Output, StringComparison.Ordinal);
            Assert.True(key.Length >= 32);
            Assert.Equal(key, await File.ReadAllTextAsync(Path.Combine(data.FullName, "pseudonym-key"), Ct));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.FullName, "pseudonym-key")));
            }
        }
    }

    [Fact]
    public async Task A_malformed_connection_string_is_one_line_without_the_key_or_a_stack_trace()
    {
        var result = await CliProcess.RunAsync("verify", Settings($"AccountName=perpusnas;AccountKey={SecretKey};BlobEndpoint=::bad"), Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("attendance: configuration error: 'AttendanceStorage' is not a valid storage connection string", OneLine(result), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, result.Output + result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_storage_without_the_pseudonym_key_is_refused_instead_of_making_one()
    {
        var result = await CliProcess.RunAsync("export", Settings($"DefaultEndpointsProtocol=https;AccountName=perpusnas;AccountKey={SecretKey};EndpointSuffix=core.windows.net"), Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Export:PseudonymKey is required", OneLine(result), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.FullName, "pseudonym-key")));
    }

    [Fact]
    public async Task A_connection_string_given_as_the_child_setting_is_real_storage_too_and_needs_the_key()
    {
        var result = await CliProcess.RunAsync("export", new Dictionary<string, string?>
        {
            ["AttendanceStorage:ConnectionString"] = $"DefaultEndpointsProtocol=https;AccountName=perpusnas;AccountKey={SecretKey};EndpointSuffix=core.windows.net",
            ["ATTENDANCE_DATA"] = data.FullName,
        }, Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Export:PseudonymKey is required", OneLine(result), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.FullName, "pseudonym-key")));
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_named_in_one_line_without_its_value()
    {
        var result = await CliProcess.RunAsync("verify", Settings(azurite.ConnectionString, ("AttendanceStorage:maxRetries", "three")), Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("attendance: configuration error: 'AttendanceStorage__MaxRetries' has a value of the wrong type (docs/configuration.md gives each setting's form).", OneLine(result));
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_one_line_saying_what_to_start()
    {
        var closed = FreePort.Find(1)[0];
        var result = await CliProcess.RunAsync("verify", Settings(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{closed}/{AzuriteFixture.AccountName};TableEndpoint=http://127.0.0.1:{closed}/{AzuriteFixture.AccountName};",
            ("AttendanceStorage:maxRetries", "0")), Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("attendance: storage does not answer.", OneLine(result), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Verify_reports_attendance_outside_its_events_dates_and_exits_1()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Siti Nur'aini", day: "2023-06-08"), Ct)).Dispose();

        // Dates changed behind the API's back (by hand, or by a version without the check).
        var events = api.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(api.Settings["Store:EventsTable"]);
        var entity = (await events.GetEntityAsync<Azure.Data.Tables.TableEntity>("event", Lampung.EventId, cancellationToken: Ct)).Value;
        entity["EndDate"] = "2023-06-07";
        await events.UpdateEntityAsync(entity, entity.ETag, Azure.Data.Tables.TableUpdateMode.Replace, Ct);
        var environment = CliProcess.SameStoreAs(api, azurite.ConnectionString, data);

        var export = await CliProcess.RunAsync("export", environment, Ct);
        var verify = await CliProcess.RunAsync("verify", environment, Ct);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("outside event dates", verify.Output, StringComparison.Ordinal);
        Assert.Contains($"{Lampung.EventId} 2023-06-08: 1 attendances", verify.Output, StringComparison.Ordinal);
    }


    [Fact]
    public async Task Export_and_verify_exit_1_on_a_counter_resumption_until_an_operator_acknowledges_it()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Siti Nur'aini"), Ct)).Dispose();
        await api.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Santoso"), Ct)).Dispose();
        var environment = CliProcess.SameStoreAs(api, azurite.ConnectionString, data);

        var export = await CliProcess.RunAsync("export", environment, Ct);
        var verify = await CliProcess.RunAsync("verify", environment, Ct);
        var acknowledged = await CliProcess.RunAsync($"verify --acknowledge-resumption {Lampung.EventId}", environment, Ct);
        var again = await CliProcess.RunAsync("verify", environment, Ct);

        Assert.Equal(1, export.ExitCode);
        // Markup and the console's line wrapping split longer phrases: check short ones.
        Assert.Contains("not acknowledged", export.Output, StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("Once looked into", verify.Output, StringComparison.Ordinal);
        Assert.Equal(0, acknowledged.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("(acknowledged)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_up_now_deletes_the_files_removed_from_the_tables_and_keeps_the_live_ones()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var runner = api.Services.GetRequiredService<Attendance.Export.ExportRunner>();
        await runner.RunAsync("first", cancellationToken: Ct);
        await api.RegisterEventAsync(Lampung.EventId, new { name = "Bimtek SPP-TIK Lampung (diubah)", startDate = "2023-06-05", endDate = "2023-06-08", province = "Lampung" });
        await runner.RunAsync("edited", cancellationToken: Ct);
        var container = api.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(api.Container);
        var environment = CliProcess.SameStoreAs(api, azurite.ConnectionString, data, samePseudonymKey: true);

        var ordinary = await CliProcess.RunAsync("clean-up", environment, Ct);
        var kept = await EventFilesAsync();
        var now = await CliProcess.RunAsync("clean-up --now", environment, Ct);
        var live = (await new Attendance.Delta.DeltaTable(container, "events").LoadAsync(Ct)).Files.Keys.Single();

        Assert.Equal(0, ordinary.ExitCode);
        Assert.Equal(2, kept.Count);
        Assert.Equal(0, now.ExitCode);
        Assert.Contains("time travel", now.Output, StringComparison.Ordinal);
        Assert.Equal([$"events/{live}"], await EventFilesAsync());

        async Task<List<string>> EventFilesAsync() =>
            await container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "events/" }, Ct)
                .Where(b => !b.Name.Contains("/_delta_log/", StringComparison.Ordinal)).Select(b => b.Name).ToListAsync(Ct);
    }

    public void Dispose() => data.Delete(recursive: true);

    private Dictionary<string, string?> Settings(string connectionString, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["AttendanceStorage"] = connectionString, ["ATTENDANCE_DATA"] = data.FullName };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Standard error, which must be exactly one line, and nothing on standard output.</summary>
    private static string OneLine(CliResult result)
    {
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Empty(result.Output.Trim());
        return lines[0];
    }
}
