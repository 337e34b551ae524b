using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Privacy;

/// <summary>Registers what answers a person's privacy rights: the lookup of their records and the expiry of contacts.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PrivacyOptions"/> from <c>Privacy</c>, checked at start by <see cref="PrivacyOptionsValidator"/>,
    /// and registers <see cref="ContactExpiry"/> and <see cref="ParticipantLookup"/>.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<PrivacyOptions, PrivacyOptionsValidator>(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<ContactExpiry>();
        services.AddSingleton<ParticipantLookup>();
        return services;
    }
}
