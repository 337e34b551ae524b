using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Auth;

/// <summary>Registers the keys the local server checks.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>Binds <see cref="AuthOptions"/> from <c>Auth</c>, checked by <see cref="AuthOptionsValidator"/> when first read.</summary>
    public static IServiceCollection AddAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Only the local server checks keys (the Functions host checks its own), so these are validated when
        // the local server maps its routes, not at every host's start.
        services.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(configuration.GetSection(AuthOptions.SectionName));
        return services;
    }
}
