using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Corrections;

/// <summary>Registers corrections, voids and erasures of stored attendance.</summary>
public static class CorrectionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ChangeLog"/>, <see cref="AttendanceChanges"/> and <see cref="ParticipantErasure"/>.</summary>
    public static IServiceCollection AddCorrections(this IServiceCollection services)
    {
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<AttendanceChanges>();
        services.AddSingleton<ParticipantErasure>();
        return services;
    }
}
