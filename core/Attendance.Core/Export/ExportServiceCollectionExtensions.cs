using Attendance.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Export;

/// <summary>Registers the nightly export, its schedule, its mark and the reconciliation.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ExportOptions"/> from <c>Export</c>, checked at start by <see cref="ExportOptionsValidator"/>
    /// with the top-level <c>ExportSchedule</c>, and registers <see cref="ExportSchedule"/>, the export's mark
    /// (<see cref="IExportMark"/>), <see cref="ExportRunner"/> and <see cref="Reconciliation"/>.
    /// </summary>
    public static IServiceCollection AddExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ExportOptions, ExportOptionsValidator>(configuration.GetSection(ExportOptions.SectionName))
            .Validate(_ => ExportSchedule.TryFrom(configuration) is not null, ExportSchedule.Rule)
            .ValidateOnStart();
        services.AddSingleton(_ => ExportSchedule.From(configuration));

        services.AddSingleton<IExportMark, AttendanceExportMark>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<Reconciliation>();
        return services;
    }
}
