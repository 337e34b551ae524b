using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Organizer;

/// <summary>Registers what the organizer's pages and lists read.</summary>
public static class OrganizerServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AttendanceReader"/>.</summary>
    public static IServiceCollection AddOrganizer(this IServiceCollection services)
    {
        services.AddSingleton<AttendanceReader>();
        return services;
    }
}
