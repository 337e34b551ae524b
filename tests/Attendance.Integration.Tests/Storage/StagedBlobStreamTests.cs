using System.Security.Cryptography;
using Azure.Storage.Blobs.Specialized;

namespace Attendance.Storage;

public sealed class StagedBlobStreamTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_ten_mebibyte_file_appears_only_when_committed_and_then_whole()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        var bytes = RandomNumberGenerator.GetBytes(10 * 1024 * 1024 + 17);
        var blob = container.GetBlockBlobClient("attendance/part.parquet");

        await using (var stream = container.OpenStagedWrite("attendance/part.parquet", "application/vnd.apache.parquet"))
        {
            for (var offset = 0; offset < bytes.Length; offset += 100_000)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(100_000, bytes.Length - offset)), Ct);
                await stream.FlushAsync(Ct);
            }

            Assert.False(await blob.ExistsAsync(Ct));
            Assert.Equal(2, stream.StagedBlocks);
            await stream.CommitAsync(Ct);
        }

        var stored = await container.DownloadIfExistsAsync("attendance/part.parquet", Ct);
        Assert.Equal(bytes, stored!.ToArray());
        Assert.Equal("application/vnd.apache.parquet", (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ContentType);
    }

    [Fact]
    public async Task A_write_that_fails_before_its_commit_leaves_no_blob()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var stream = container.OpenStagedWrite("attendance/crashed.parquet");
            await stream.WriteAsync(RandomNumberGenerator.GetBytes(StagedBlobStream.DefaultBlockSize + 1), Ct);
            throw new InvalidOperationException("The export crashed while writing.");
        });

        Assert.False(await container.GetBlobClient("attendance/crashed.parquet").ExistsAsync(Ct));
        var uncommitted = await container.GetBlockBlobClient("attendance/crashed.parquet").GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: Ct);
        Assert.Single(uncommitted.Value.UncommittedBlocks);
    }

    [Fact]
    public async Task A_block_that_failed_to_stage_is_staged_again_by_the_commit_and_the_file_is_whole()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        var stageFails = new FaultInjectionPolicy
        {
            FailRequestNumber = 2,
            Selects = m => m.Request.Uri.Query.Contains("comp=block&", StringComparison.Ordinal) || m.Request.Uri.Query.EndsWith("comp=block", StringComparison.Ordinal),
        };
        using var services = TestStorage.Services(azurite, maxRetries: 0, new StoragePipelinePolicy(stageFails));
        var blob = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container.Name).GetBlockBlobClient("retried.bin");
        var bytes = RandomNumberGenerator.GetBytes(2048);

        await using var stream = new StagedBlobStream(blob, blockSize: 1024);
        await stream.WriteAsync(bytes.AsMemory(0, 1024), Ct);
        await Assert.ThrowsAnyAsync<Exception>(async () => await stream.WriteAsync(bytes.AsMemory(1024, 1024), Ct));
        await stream.CommitAsync(Ct);

        Assert.True(stageFails.Fired);
        Assert.Equal(bytes, (await container.DownloadIfExistsAsync("retried.bin", Ct))!.ToArray());
    }

    [Fact]
    public async Task Synchronous_writes_stage_too_and_an_empty_file_commits()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        var bytes = RandomNumberGenerator.GetBytes(StagedBlobStream.DefaultBlockSize * 2);

        await using (var stream = container.OpenStagedWrite("sync.bin"))
        {
            stream.Write(bytes);
            stream.Flush();
            Assert.Equal(2, stream.StagedBlocks);
            await stream.CommitAsync(Ct);
        }

        await using (var empty = container.OpenStagedWrite("empty.bin"))
        {
            await empty.CommitAsync(Ct);
        }

        Assert.Equal(bytes, (await container.DownloadIfExistsAsync("sync.bin", Ct))!.ToArray());
        Assert.Empty((await container.DownloadIfExistsAsync("empty.bin", Ct))!.ToArray());
    }
}
