using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;

namespace Attendance.Storage;

/// <summary>The product's storage registration against a test's Azurite, with few and fast retries so failures show quickly.</summary>
internal static class TestStorage
{
    public static ServiceProvider Services(AzuriteFixture azurite, int maxRetries = 1, params StoragePipelinePolicy[] policies)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageOptions.SectionName] = azurite.ConnectionString,
            [$"{StorageOptions.SectionName}:maxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{StorageOptions.SectionName}:retryDelay"] = "00:00:00.050",
            [$"{StorageOptions.SectionName}:maxRetryDelay"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection().AddAttendanceStorage(configuration);
        foreach (var policy in policies)
        {
            services.AddStoragePipelinePolicy(policy.Policy, policy.Position);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static async Task<TableClient> NewTableAsync(AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        using var services = Services(azurite);
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Table());
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public static async Task<BlobContainerClient> NewContainerAsync(AzuriteFixture azurite, CancellationToken cancellationToken)
    {
        using var services = Services(azurite);
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Container());
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return container;
    }
}
