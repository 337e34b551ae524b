using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Submissions;

/// <summary>Registers the submission store and the one intake every channel (API, venue page, ODK Collect) uses.</summary>
public static class SubmissionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StoreOptions"/> from <c>Store</c>, checked at start by <see cref="StoreOptionsValidator"/> (the
    /// event store reads the same options), and registers <see cref="SubmissionStore"/>, the index of changed events (<see cref="ChangedEvents"/>), <see cref="SubmissionValidator"/>
    /// and <see cref="SubmissionIntake"/>.
    /// </summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StoreOptions, StoreOptionsValidator>(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<ChangedEvents>();
        services.AddSingleton<SubmissionValidator>();
        services.AddSingleton<SubmissionIntake>();
        return services;
    }
}
