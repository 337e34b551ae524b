using Attendance.Integration.Tests.Cli;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// The attendance table records its pseudonym key's fingerprint: a run with another key refuses and changes nothing,
/// and a deliberate change goes through one rebuild commit that leaves every submission once under the new key.
/// </summary>
public sealed class PseudonymKeyTests(AzuriteFixture azurite)
{
    private const string OtherKey = "another-pseudonym-key-from-a-new-vault-secret";

    [Fact]
    public async Task An_export_or_verify_with_another_key_is_refused_and_no_blob_changes()
    {
        await using var api = await StartWithSubmissionsAsync(12);
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Datang Belakangan"), Ct)).Dispose();
        var container = Container(api);
        var before = await BlobsAsync(container);

        await using var other = TestServices.Build(WithKey(api, OtherKey));
        var refused = await Assert.ThrowsAsync<PseudonymKeyMismatchException>(() => other.GetRequiredService<ExportRunner>().RunAsync("other-key", cancellationToken: Ct));
        await Assert.ThrowsAsync<PseudonymKeyMismatchException>(() => other.GetRequiredService<Reconciliation>().RunAsync(Ct));

        Assert.Equal(before, await BlobsAsync(container));
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain(OtherKey, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.PseudonymKey, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Export:PseudonymKey", refused.Message, StringComparison.Ordinal);

        // The right key still exports the late submission.
        Assert.Equal(1, (await api.Services.GetRequiredService<ExportRunner>().RunAsync("same-key", cancellationToken: Ct)).Tables[0].RowsAdded);
    }

    [Fact]
    public async Task The_table_records_a_fingerprint_that_is_not_the_key_and_changes_with_it()
    {
        await using var api = await StartWithSubmissionsAsync(3);
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);
        var snapshot = await new DeltaTable(Container(api), AnalyticsTables.AttendancePath).LoadAsync(Ct);

        var recorded = snapshot.Metadata!.Configuration[PseudonymKeyFingerprint.PropertyName];
        Assert.Matches("^[0-9a-f]{64}$", recorded);
        Assert.Equal(PseudonymKeyFingerprint.Compute(TestSettings.PseudonymKey), recorded);
        Assert.NotEqual(PseudonymKeyFingerprint.Compute(OtherKey), recorded);
        Assert.DoesNotContain(TestSettings.PseudonymKey, JsonSerializer.Serialize(snapshot.Metadata), StringComparison.Ordinal);
    }

    [Fact]
    public async Task POST_exports_with_another_key_answers_409_problem_json()
    {
        await using var api = await StartWithSubmissionsAsync(2);
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);
        await using var other = await ApiServer.StartAsync(azurite.ConnectionString, settings: WithKey(api, OtherKey));

        using var request = new HttpRequestMessage(HttpMethod.Post, "exports");
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await other.Anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("attendance rebuild --new-pseudonym-key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_export_with_another_key_prints_one_line_and_exits_2()
    {
        await using var api = await StartWithSubmissionsAsync(2);
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);

        var result = await CliProcess.RunAsync("export", WithKey(api, OtherKey), Ct);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("attendance: Export:PseudonymKey is not the key the attendance table was written with", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_rebuild_asks_for_the_confirming_flag_and_with_it_rewrites_the_table_under_the_configured_key()
    {
        await using var api = await StartWithSubmissionsAsync(5);
        await api.Services.GetRequiredService<ExportRunner>().RunAsync("first", cancellationToken: Ct);
        var container = Container(api);
        var before = await BlobsAsync(container);

        var unconfirmed = await CliProcess.RunAsync("rebuild", WithKey(api, OtherKey), Ct);
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("--new-pseudonym-key", Assert.Single(unconfirmed.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(before, await BlobsAsync(container));

        var confirmed = await CliProcess.RunAsync("rebuild --new-pseudonym-key", WithKey(api, OtherKey), Ct);
        Assert.Equal(0, confirmed.ExitCode);
        var snapshot = await new DeltaTable(container, AnalyticsTables.AttendancePath).LoadAsync(Ct);
        Assert.Equal(PseudonymKeyFingerprint.Compute(OtherKey), snapshot.Metadata!.Configuration[PseudonymKeyFingerprint.PropertyName]);
        Assert.Equal(5, snapshot.Transactions[AttendanceExport.AppId(Lampung.EventId)]);
    }

    [Fact]
    public async Task A_table_written_before_fingerprints_adopts_the_current_key_at_its_next_commit()
    {
        await using var api = await StartWithSubmissionsAsync(4);
        var container = Container(api);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var table = new DeltaTable(container, AnalyticsTables.AttendancePath);
        var definition = AnalyticsTables.Attendance(includeNames: false);
        Assert.True(await table.TryCommitAsync(0,
        [
            new DeltaAction { Protocol = new DeltaProtocol(1, 2) },
            new DeltaAction { MetaData = new DeltaMetadata(Guid.NewGuid().ToString(), "attendance", new DeltaFormat("parquet", new Dictionary<string, string>()), definition.SchemaString, [], new Dictionary<string, string>(), 0) },
        ], Ct));

        var summary = await api.Services.GetRequiredService<ExportRunner>().RunAsync("adopt", cancellationToken: Ct);

        Assert.Equal(4, summary.Tables[0].RowsAdded);
        var snapshot = await table.LoadAsync(Ct);
        Assert.Equal(PseudonymKeyFingerprint.Compute(TestSettings.PseudonymKey), snapshot.Metadata!.Configuration[PseudonymKeyFingerprint.PropertyName]);
        await using var other = TestServices.Build(WithKey(api, OtherKey));
        await Assert.ThrowsAsync<PseudonymKeyMismatchException>(() => other.GetRequiredService<ExportRunner>().RunAsync("other-key", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_rebuild_under_a_new_key_is_one_commit_equal_to_a_fresh_export_under_that_key()
    {
        await using var api = await StartWithSubmissionsAsync(30);
        var oldRunner = api.Services.GetRequiredService<ExportRunner>();
        await oldRunner.RunAsync("night-1", cancellationToken: Ct);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Malam Kedua"), Ct)).Dispose();
        await oldRunner.RunAsync("night-2", cancellationToken: Ct);
        (await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Belum Diekspor"), Ct)).Dispose();
        var table = new DeltaTable(Container(api), AnalyticsTables.AttendancePath);
        var before = await table.LoadAsync(Ct);

        await using var newKey = TestServices.Build(WithKey(api, OtherKey));
        var rebuilt = await newKey.GetRequiredService<ExportRunner>().RebuildAttendanceAsync(cancellationToken: Ct);
        var fresh = WithKey(api, OtherKey);
        fresh["Export:Container"] = StorageNames.Container("fresh");
        await using var freshServices = TestServices.Build(fresh);
        await freshServices.GetRequiredService<ExportRunner>().RunAsync("fresh", cancellationToken: Ct);

        Assert.Equal(before.Version + 1, rebuilt.Version);
        Assert.Equal(2, rebuilt.FilesRemoved);
        var tables = await DeltaOracle.ReadAsync([(Container(api), "attendance"), (freshServices.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(fresh["Export:Container"]), "attendance")], Ct);
        Assert.Equal(Rows(tables[1]), Rows(tables[0]));
        Assert.Equal(32, tables[0].Rows);
        Assert.Equal(32, tables[0].Txn[AttendanceExport.AppId(Lampung.EventId)]);
        Assert.Single(tables[0].Files);

        // The new key exports on as usual; the old one is now the one refused.
        Assert.False((await newKey.GetRequiredService<ExportRunner>().RunAsync("after", cancellationToken: Ct)).Tables[0].Changed);
        await Assert.ThrowsAsync<PseudonymKeyMismatchException>(() => oldRunner.RunAsync("old-key", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_rebuild_racing_exports_under_the_old_key_leaves_every_submission_once_under_the_new_key()
    {
        await using var api = await StartWithSubmissionsAsync(40);
        var oldRunner = api.Services.GetRequiredService<ExportRunner>();
        await oldRunner.RunAsync("night-1", cancellationToken: Ct);
        await using var newKey = TestServices.Build(WithKey(api, OtherKey));

        for (var round = 0; round < 3; round++)
        {
            (await api.Client.PostAsJsonAsync("submissions", Enumerable.Range(0, 5).Select(i => Lampung.Submission($"Putaran {round} {i}")).ToArray(), Ct)).Dispose();
            var racers = new List<Task>
            {
                Task.Run(() => newKey.GetRequiredService<ExportRunner>().RebuildAttendanceAsync(cancellationToken: Ct), Ct),
                Task.Run(() => oldRunner.RunAsync("old-key", cancellationToken: Ct), Ct),
                Task.Run(() => oldRunner.RunAsync("old-key", cancellationToken: Ct), Ct),
            };

            // An old-key export that commits first wins its race; one that comes after the rebuild is refused.
            foreach (var racer in racers)
            {
                try
                {
                    await racer;
                }
                catch (PseudonymKeyMismatchException)
                {
                }
            }
        }

        await newKey.GetRequiredService<ExportRunner>().RunAsync("after", cancellationToken: Ct);
        var table = await DeltaOracle.ReadAsync(Container(api), "attendance", Ct);
        var ids = table.Strings("submission_id");
        var stored = await StoredAsync(api);
        Assert.Equal(stored.Count, ids.Count);
        Assert.True(ids.ToHashSet().SetEquals(stored.Keys));
        var newSecret = System.Text.Encoding.UTF8.GetBytes(OtherKey);
        var keys = table.Strings("participant_key");
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(stored[ids[i]!].Submission.Identity.PseudonymKey(newSecret), keys[i]);
        }
    }

    private async Task<ApiServer> StartWithSubmissionsAsync(int count)
    {
        var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        (await api.Client.PostAsJsonAsync("submissions", Enumerable.Range(0, count).Select(i => Lampung.Submission($"Peserta {i}")).ToArray(), Ct)).Dispose();
        return api;
    }

    private static Dictionary<string, string?> WithKey(ApiServer api, string key) => new(api.Settings) { ["Export:PseudonymKey"] = key };

    private static BlobContainerClient Container(ApiServer api) =>
        api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);

    private static async Task<List<string>> BlobsAsync(BlobContainerClient container) =>
        await container.GetBlobsAsync(cancellationToken: Ct).Select(b => $"{b.Name} {b.Properties.ETag}").OrderBy(n => n, StringComparer.Ordinal).ToListAsync(Ct);

    private static List<string> Rows(DeltaRead table)
    {
        var ids = table.Strings("submission_id");
        var keys = table.Strings("participant_key");
        return [.. ids.Select((id, i) => $"{id} {keys[i]}").Order(StringComparer.Ordinal)];
    }

    private static async Task<Dictionary<string, StoredSubmission>> StoredAsync(ApiServer api)
    {
        var store = api.Services.GetRequiredService<SubmissionStore>();
        var last = await store.GetLastSequenceAsync(Lampung.EventId, Ct);
        return await store.ReadAsync(Lampung.EventId, 0, last, Ct).Select(r => r.Live!).ToDictionaryAsync(s => s.SubmissionId, cancellationToken: Ct);
    }
}
