using Attendance.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.OpenRosa;

/// <summary>Registers ODK Collect's submission route.</summary>
public static class OpenRosaServiceCollectionExtensions
{
    /// <summary>Binds the keys ODK Collect sends as its password (<see cref="OpenRosaApi.KeysName"/>) and registers <see cref="OpenRosaApi"/>.</summary>
    public static IServiceCollection AddOpenRosa(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The same keys as ODK Collect's Basic password, in every host (the Functions host cannot check Basic). Read
        // as they are, not checked at start: in Azure only Auth:FunctionKey is set, and an unset key opens nothing.
        services.AddOptions<AuthOptions>(OpenRosaApi.KeysName).Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<OpenRosaApi>();
        return services;
    }
}
