using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Venue;

/// <summary>Registers the venue sign-in: its links, its rate limits, its stamp and its policy.</summary>
public static class VenueServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FormOptions"/> and <see cref="VenueRateLimitOptions"/> from <c>Forms</c>, both checked at start
    /// (<see cref="FormOptionsValidator"/>, <see cref="VenueRateLimitOptionsValidator"/>), and registers
    /// <see cref="VenueRateLimiter"/>, <see cref="VenueStamp"/>, <see cref="VenueSignInPolicy"/> and <see cref="FormLinks"/>.
    /// </summary>
    public static IServiceCollection AddVenue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<FormOptions, FormOptionsValidator>(configuration.GetSection(FormOptions.SectionName))
            .PostConfigure(o =>
            {
                // In Azure the platform names the app's host; a request's Host header is the client's to forge.
                if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && configuration[FormOptions.PlatformHostNameSetting] is { Length: > 0 } host)
                {
                    o.PublicBaseUrl = FormOptions.PlatformBaseUrl(host);
                }
            })
            .ValidateOnStart();
        services.AddValidatedOptions<VenueRateLimitOptions, VenueRateLimitOptionsValidator>(configuration.GetSection(VenueRateLimitOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<VenueRateLimiter>();
        services.AddSingleton<VenueStamp>();
        services.AddSingleton<VenueSignInPolicy>();
        services.AddSingleton<FormLinks>();
        return services;
    }
}
