using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Storage;

/// <summary>Registers the product's storage account in DI: one <see cref="TableServiceClient"/> and one <see cref="BlobServiceClient"/>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from <c>AttendanceStorage</c> (its value is the connection string; its
    /// children, e.g. <c>AttendanceStorage__tableServiceUri</c> or <c>AttendanceStorage:maxRetries</c>, the other
    /// settings), validates them when the host starts, and registers the SDK clients through
    /// <c>AddAzureClients</c>: the default ones with the configured retries and every registered
    /// <see cref="StoragePipelinePolicy"/>, and a pair named <see cref="StorageClients.Health"/> that never retries.
    /// </summary>
    public static IServiceCollection AddAttendanceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>()
            .Configure(options =>
            {
                var section = configuration.GetSection(StorageOptions.SectionName);
                section.Bind(options);
                options.ConnectionString = StorageOptions.ConnectionStringOf(section);
            })
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => StorageClients.Credential(Options(provider)));
            clients.ConfigureDefaults((clientOptions, provider) =>
            {
                StorageClients.ApplyRetries(clientOptions, Options(provider));
                foreach (var extra in provider.GetServices<StoragePipelinePolicy>())
                {
                    clientOptions.AddPolicy(extra.Policy, extra.Position);
                }
            });
            clients.AddClient<TableServiceClient, TableClientOptions>(
                (clientOptions, credential, provider) => StorageClients.Tables(Options(provider), clientOptions, credential));
            clients.AddClient<BlobServiceClient, BlobClientOptions>(
                (clientOptions, credential, provider) => StorageClients.Blobs(Options(provider), clientOptions, credential));
            clients.AddClient<TableServiceClient, TableClientOptions>(
                    (clientOptions, credential, provider) => StorageClients.Tables(Options(provider), clientOptions, credential))
                .WithName(StorageClients.Health).ConfigureOptions(StorageClients.NeverRetry);
            clients.AddClient<BlobServiceClient, BlobClientOptions>(
                    (clientOptions, credential, provider) => StorageClients.Blobs(Options(provider), clientOptions, credential))
                .WithName(StorageClients.Health).ConfigureOptions(StorageClients.NeverRetry);
        });

        // AddAzureClients forwards the SDKs' event sources to ILogger, a line per request at Information, and every
        // answer of 400 or more at Warning: expected ones too (a 409 from CreateIfNotExists, a 404 from a point read).
        // The product logs the failures that matter itself.
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.AddFilter("Azure", LogLevel.Warning);
            o.AddFilter("Azure.Core", LogLevel.Error);
        });
        services.TryAddSingleton<StorageHealth>();
        return services;
    }

    /// <summary>
    /// Adds <paramref name="policy"/> to every request of every storage client this container builds, the health
    /// clients included. For tests: inject faults, count requests. Register before a client is first resolved.
    /// </summary>
    public static IServiceCollection AddStoragePipelinePolicy(
        this IServiceCollection services, HttpPipelinePolicy policy, HttpPipelinePosition position = HttpPipelinePosition.PerRetry)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new StoragePipelinePolicy(policy, position));
        return services;
    }

    private static StorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
