using Attendance.Export;
using Attendance.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attendance.Functions.Tests;

/// <summary>The worker's Application Insights logging: the product's Information lines go, the Azure SDK's do not.</summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public void The_worker_sends_its_own_information_logs_and_only_warnings_from_the_azure_sdk()
    {
        // Application Insights' provider is the only logging provider here, so what it lets through is what is enabled.
        // The storage registration is the worker's own (through AddAttendance), with the log filters it sets.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddWorkerTelemetry();
        builder.Services.AddAttendanceStorage(new ConfigurationBuilder().Build());
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.NotNull(host.Services.GetService<TelemetryClient>());
        Assert.True(loggers.CreateLogger<ExportRunner>().IsEnabled(LogLevel.Information), "the export's Information lines must reach Application Insights.");
        foreach (var category in new[] { "Azure.Identity", "Azure.Storage.Blobs", "Azure.Data.Tables" })
        {
            Assert.False(loggers.CreateLogger(category).IsEnabled(LogLevel.Information), $"{category} must be filtered below Warning.");
            Assert.True(loggers.CreateLogger(category).IsEnabled(LogLevel.Warning), $"{category} warnings must still be sent.");
        }

        // Azure.Core warns about every answer of 400 or more, the expected 404s and 409s too: only its errors go.
        Assert.False(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Warning), "Azure.Core warnings must be filtered.");
        Assert.True(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Error), "Azure.Core errors must still be sent.");
    }
}
