using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Api;

/// <summary>Registers the HTTP handlers both hosts route to, and problem details for their answers.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ApiGuard"/> and one handler per resource (<see cref="HealthApi"/>, <see cref="OpenApiApi"/>,
    /// <see cref="EventsApi"/>, <see cref="SubmissionsApi"/>, <see cref="FormsApi"/>, <see cref="AttendanceApi"/>,
    /// <see cref="ExportsApi"/>, <see cref="ChangesApi"/>, <see cref="PrivacyApi"/>); ODK Collect's route is <c>AddOpenRosa</c>'s.
    /// </summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<ApiGuard>();
        services.AddSingleton<HealthApi>();
        services.AddSingleton<OpenApiApi>();
        services.AddSingleton<EventsApi>();
        services.AddSingleton<SubmissionsApi>();
        services.AddSingleton<FormsApi>();
        services.AddSingleton<AttendanceApi>();
        services.AddSingleton<ExportsApi>();
        services.AddSingleton<ChangesApi>();
        services.AddSingleton<PrivacyApi>();
        return services;
    }
}
