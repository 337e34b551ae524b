namespace Attendance.Integration.Tests.Export;

public sealed class OrphanFilesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Clean_up_keeps_live_files_and_recently_removed_ones_and_deletes_the_rest()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var services = TestServices.Build(settings);
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings["Export:Container"]!);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var now = DateTimeOffset.UtcNow;
        var table = new DeltaTable(container, "t");
        foreach (var name in new[] { "live", "removed-yesterday", "removed-last-week", "never-committed" })
        {
            await container.UploadBlobAsync($"t/{name}.parquet", BinaryData.FromBytes([1]), Ct);
        }

        var add = (string name) => new DeltaAction { Add = new DeltaAddFile($"{name}.parquet", new Dictionary<string, string>(), 1, 0, true, null) };
        var remove = (string name, TimeSpan ago) => new DeltaAction { Remove = new DeltaRemoveFile($"{name}.parquet", (now - ago).ToUnixTimeMilliseconds(), true) };
        Assert.True(await table.TryCommitAsync(0, [add("live"), add("removed-yesterday"), add("removed-last-week")], Ct));
        Assert.True(await table.TryCommitAsync(1, [remove("removed-yesterday", TimeSpan.FromDays(1)), remove("removed-last-week", TimeSpan.FromDays(8))], Ct));

        var orphans = new OrphanFiles(container, new ManualTime(now + TimeSpan.FromHours(2)));
        var deleted = await orphans.DeleteAsync(table, await table.LoadAsync(Ct), Ct);

        var left = await container.GetBlobsAsync(new GetBlobsOptions { Prefix = "t/" }, Ct).Where(b => !b.Name.Contains("_delta_log", StringComparison.Ordinal)).Select(b => b.Name).ToListAsync(Ct);
        Assert.Equal(2, deleted);
        Assert.Equal(["t/live.parquet", "t/removed-yesterday.parquet"], left);
    }
}
