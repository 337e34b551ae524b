using Attendance.Api;
using Attendance.Auth;
using Attendance.Corrections;
using Attendance.Events;
using Attendance.Export;
using Attendance.OpenRosa;
using Attendance.Organizer;
using Attendance.Privacy;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Attendance.Venue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Attendance;

/// <summary>The one registration every host (Functions app, local server, CLI) calls.</summary>
public static class AttendanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers every feature through its own extension (each binds its options, checked by the validator beside
    /// them: at start, except the local server's keys), the system clock unless one is registered, and the log
    /// filters that keep the hosts' request URLs out of the logs.
    /// </summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAttendanceStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddRequestLogFilters();
        return services
            .AddRegions()
            .AddSubmissions(configuration)
            .AddEvents()
            .AddCorrections()
            .AddExport(configuration)
            .AddPrivacy(configuration)
            .AddVenue(configuration)
            .AddOrganizer()
            .AddAuth(configuration)
            .AddOpenRosa(configuration)
            .AddApi();
    }

    /// <summary>The same as <see cref="RequestLogFilters.HostingDiagnosticsCategory"/>, for the tests that name it here.</summary>
    public const string HostingDiagnosticsCategory = RequestLogFilters.HostingDiagnosticsCategory;

    /// <summary>The same as <see cref="RequestLogFilters.KestrelBadRequestsCategory"/>, for the tests that name it here.</summary>
    public const string KestrelBadRequestsCategory = RequestLogFilters.KestrelBadRequestsCategory;
}
