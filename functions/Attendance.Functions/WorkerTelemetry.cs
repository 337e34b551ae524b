using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace Attendance.Functions;

/// <summary>
/// The worker's own telemetry. The host reports invocations and its own logs; the worker sends the product's
/// logs to Application Insights itself, to the component in <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, with a
/// token for the identity named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (the component refuses keys;
/// Worker.ApplicationInsights reads that setting). Infra sets both.
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>Adds Application Insights for the worker and the log levels it sends at.</summary>
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddApplicationInsightsTelemetryWorkerService();
        builder.Services.ConfigureFunctionsApplicationInsights();

        // Application Insights' logger provider keeps only Warning and above unless told otherwise; the export's
        // Information lines (what ran, how many rows) are what operators read, so that default rule goes. The Azure
        // SDK's per-request lines stay out through the filters AddAttendanceStorage sets for every host.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var rule in options.Rules.Where(r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && r.CategoryName is null).ToList())
            {
                options.Rules.Remove(rule);
            }
        });
        return builder;
    }
}
