using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Attendance.Storage;

/// <summary>Registers the product's storage account in DI.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from <c>AttendanceStorage</c> (its value is the connection string; its
    /// children, e.g. <c>AttendanceStorage__tableServiceUri</c> or <c>AttendanceStorage:maxRetries</c>, the other
    /// settings), validates them when the host starts, and registers <see cref="IAttendanceStorage"/> as a singleton
    /// whose pipelines include every <see cref="StoragePipelinePolicy"/> registered in the container.
    /// </summary>
    public static IServiceCollection AddAttendanceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Configure(options =>
            {
                var section = configuration.GetSection(StorageOptions.SectionName);
                options.ConnectionString = section.Value;
                section.Bind(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<IAttendanceStorage>(provider => new RestAttendanceStorage(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetServices<StoragePipelinePolicy>()));
        return services;
    }

    /// <summary>
    /// Adds <paramref name="policy"/> to every storage request (both services) of the <see cref="IAttendanceStorage"/>
    /// this container builds. For tests: inject faults, count requests. Register before the storage is first resolved.
    /// </summary>
    public static IServiceCollection AddStoragePipelinePolicy(
        this IServiceCollection services, HttpPipelinePolicy policy, HttpPipelinePosition position = HttpPipelinePosition.PerRetry)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new StoragePipelinePolicy(policy, position));
        return services;
    }
}
