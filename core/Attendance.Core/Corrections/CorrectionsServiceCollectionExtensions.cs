using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Corrections;

/// <summary>Registers corrections, voids and erasures of stored attendance.</summary>
public static class CorrectionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ChangeLog"/>, <see cref="AttendanceChanges"/>, <see cref="PersonRecords"/> and <see cref="ParticipantErasure"/>.</summary>
    public static IServiceCollection AddCorrections(this IServiceCollection services)
    {
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<AttendanceChanges>();
        services.AddSingleton<PersonRecords>();
        services.AddSingleton<ParticipantErasure>();
        return services;
    }
}
