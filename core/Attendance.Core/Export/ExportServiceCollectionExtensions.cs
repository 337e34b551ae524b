using Attendance.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>Registers the nightly export, its schedule, its mark and the reconciliation.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ExportOptions"/> from <c>Export</c> and <see cref="ExportScheduleOptions"/> from the top-level
    /// <c>ExportSchedule</c>, both checked at start (<see cref="ExportOptionsValidator"/>,
    /// <see cref="ExportScheduleOptionsValidator"/>), and registers <see cref="ExportSchedule"/>, the export's mark
    /// (<see cref="IExportMark"/>), <see cref="ExportRunner"/> and <see cref="Reconciliation"/>.
    /// </summary>
    public static IServiceCollection AddExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ExportOptions, ExportOptionsValidator>(configuration.GetSection(ExportOptions.SectionName)).ValidateOnStart();

        // Bound from the root, not a section: the Functions timer reads the same top-level setting as %ExportSchedule%.
        services.AddValidatedOptions<ExportScheduleOptions, ExportScheduleOptionsValidator>(configuration).ValidateOnStart();
        services.AddSingleton(provider => ExportSchedule.From(provider.GetRequiredService<IOptions<ExportScheduleOptions>>().Value));

        services.AddSingleton<IExportMark, AttendanceExportMark>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<Reconciliation>();
        services.AddSingleton<RemovedFileCleanUp>();
        services.AddSingleton<LakeDownload>();
        return services;
    }
}
