using System.Text;
using Attendance.Testing;
using Azure;
using Xunit;

namespace Attendance.Storage;

public sealed class RestBlobContainerClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_an_existing_container_is_not_an_error()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);

        await container.CreateIfNotExistsAsync(Ct);
    }

    [Fact]
    public async Task Uploaded_blob_downloads_with_the_same_bytes_and_etag()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        var bytes = Encoding.UTF8.GetBytes("{\"hello\":\"Bimtek\"}");

        var etag = await container.UploadAsync("a/b.json", bytes, contentType: "application/json", cancellationToken: Ct);
        var read = await container.DownloadAsync("a/b.json", Ct);

        Assert.NotNull(read);
        Assert.Equal(bytes, read.Content.ToArray());
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Downloading_an_absent_blob_gives_null()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);

        Assert.Null(await container.DownloadAsync("missing.parquet", Ct));
    }

    [Fact]
    public async Task A_create_only_upload_of_an_existing_blob_fails_with_409_and_keeps_the_first()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        await container.UploadAsync("_delta_log/00000000000000000000.json", "first"u8.ToArray(), createOnly: true, cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            container.UploadAsync("_delta_log/00000000000000000000.json", "second"u8.ToArray(), createOnly: true, cancellationToken: Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("first"u8.ToArray(), (await container.DownloadAsync("_delta_log/00000000000000000000.json", Ct))!.Content.ToArray());
    }

    [Fact]
    public async Task An_upload_without_create_only_overwrites()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        await container.UploadAsync("x", "first"u8.ToArray(), cancellationToken: Ct);

        await container.UploadAsync("x", "second"u8.ToArray(), cancellationToken: Ct);

        Assert.Equal("second"u8.ToArray(), (await container.DownloadAsync("x", Ct))!.Content.ToArray());
    }

    [Fact]
    public async Task A_ten_mebibyte_block_upload_appears_only_when_committed()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        var bytes = new byte[10 * 1024 * 1024];
        new Random(42).NextBytes(bytes);

        await using (var abandoned = container.OpenWrite("abandoned.parquet"))
        {
            await abandoned.WriteAsync(bytes, Ct);
        }

        string etag;
        await using (var stream = container.OpenWrite("part-0001.parquet", "application/vnd.apache.parquet"))
        {
            // Uneven writes cross block boundaries the way a Parquet writer's row groups do.
            for (var offset = 0; offset < bytes.Length; offset += 1_000_003)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(1_000_003, bytes.Length - offset)), Ct);
            }

            Assert.Null(await container.DownloadAsync("part-0001.parquet", Ct));
            etag = await stream.CommitAsync(Ct);
        }

        var read = await container.DownloadAsync("part-0001.parquet", Ct);
        Assert.Null(await container.DownloadAsync("abandoned.parquet", Ct));
        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.True(bytes.AsSpan().SequenceEqual(read.Content.Span));
        Assert.Equal(["part-0001.parquet"], await container.ListAsync("", Ct).Select(b => b.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_block_stream_also_writes_synchronously_and_commits_an_empty_blob()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct, blockSize: 1_000);
        var bytes = Enumerable.Range(0, 2_500).Select(i => (byte)i).ToArray();

        await using (var stream = container.OpenWrite("sync.bin"))
        {
            stream.Write(bytes, 0, bytes.Length);
            await stream.CommitAsync(Ct);
        }

        await using (var empty = container.OpenWrite("empty.bin"))
        {
            await empty.CommitAsync(Ct);
        }

        Assert.Equal(bytes, (await container.DownloadAsync("sync.bin", Ct))!.Content.ToArray());
        Assert.Equal(0, (await container.DownloadAsync("empty.bin", Ct))!.Content.Length);
    }

    [Fact]
    public async Task Listing_follows_markers_across_pages_in_name_order_within_the_prefix()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct, listPageSize: 3);
        var names = Enumerable.Range(0, 10).Select(i => $"exports/2026-11-21/part-{i:D3}.parquet").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            await container.UploadAsync(name, new byte[names.IndexOf(name) + 1], cancellationToken: Ct);
        }

        await container.UploadAsync("exports/2026-11-22/part-000.parquet", new byte[1], cancellationToken: Ct);
        await container.UploadAsync("other.txt", new byte[1], cancellationToken: Ct);

        var listed = await container.ListAsync("exports/2026-11-21/", Ct).ToListAsync(Ct);

        Assert.Equal(names, listed.Select(b => b.Name));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), listed.Select(b => b.Size));
        Assert.All(listed, b => Assert.InRange(b.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task Names_needing_escaping_round_trip_through_upload_list_download_and_delete()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        const string name = "region=Jawa Barat/kota=Bandung & Cimahi/peserta 100%+#?é'.parquet";

        await container.UploadAsync(name, "x"u8.ToArray(), cancellationToken: Ct);
        var listed = await container.ListAsync("region=Jawa Barat/", Ct).Select(b => b.Name).ToListAsync(Ct);
        var read = await container.DownloadAsync(name, Ct);
        await container.DeleteIfExistsAsync(name, Ct);

        Assert.Equal([name], listed);
        Assert.NotNull(read);
        Assert.Null(await container.DownloadAsync(name, Ct));
    }

    [Fact]
    public async Task Deleting_removes_a_blob_and_ignores_an_absent_one()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);
        await container.UploadAsync("gone", "x"u8.ToArray(), cancellationToken: Ct);

        await container.DeleteIfExistsAsync("gone", Ct);
        await container.DeleteIfExistsAsync("gone", Ct);

        Assert.Null(await container.DownloadAsync("gone", Ct));
    }
}
