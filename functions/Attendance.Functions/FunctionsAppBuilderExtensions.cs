using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Attendance.Functions;

/// <summary>Everything Program.cs sets up on the worker, in one place a test can build without starting the worker.</summary>
public static class FunctionsAppBuilderExtensions
{
    /// <summary>
    /// ASP.NET Core integration (handlers get a real <c>HttpRequest</c>; the <c>IResult</c> they return is executed
    /// against the invocation's <c>HttpContext</c>), the worker's telemetry, and the same <c>AddAttendance</c> the
    /// local server calls, so the two hosts cannot drift apart. App settings (docs/configuration.md) arrive as configuration.
    /// </summary>
    public static FunctionsApplicationBuilder AddAttendanceFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.AddWorkerTelemetry();
        builder.Services.AddAttendance(builder.Configuration);
        return builder;
    }
}
