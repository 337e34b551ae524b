using Attendance.Storage.Blobs;
using Attendance.Testing;

namespace Attendance.Storage;

/// <summary>Storage clients against a test's Azurite, with few and fast retries so failures show quickly.</summary>
internal static class TestStorage
{
    public static RestAttendanceStorage Create(AzuriteFixture azurite, params StoragePipelinePolicy[] policies) =>
        new(new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        }, policies);

    public static async Task<ITableClient> NewTableAsync(AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        var table = Create(azurite).GetTable(StorageNames.Table());
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public static async Task<RestBlobContainerClient> NewContainerAsync(
        AzuriteFixture azurite, CancellationToken cancellationToken, int? listPageSize = null, int blockSize = RestBlobContainerClient.DefaultBlockSize)
    {
        var container = new RestBlobContainerClient(Create(azurite).Blobs, StorageNames.Container())
        {
            ListPageSize = listPageSize,
            BlockSize = blockSize,
        };
        await container.CreateIfNotExistsAsync(cancellationToken);
        return container;
    }
}
