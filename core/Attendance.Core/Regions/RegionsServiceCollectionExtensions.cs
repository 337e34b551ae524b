using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Regions;

/// <summary>Registers the official region directory.</summary>
public static class RegionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RegionDirectory.Official"/> as the <see cref="RegionDirectory"/>, loaded when first used.</summary>
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton(_ => RegionDirectory.Official);
        return services;
    }
}
