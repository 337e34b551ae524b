using Attendance.Api;
using Attendance.Functions.Tests.Metadata;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Functions.Tests;

/// <summary>
/// The worker's host as Program.cs builds it (not started: that needs the Functions host's gRPC channel): every
/// function class can be activated, and the logging it sets up keeps secrets in URLs out of the logs.
/// </summary>
public sealed class FunctionsAppHostTests
{
    [Fact]
    public void The_worker_host_builds_and_activates_every_function_class()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(TestSettings.Offline(new Dictionary<string, string?>
        {
            // As the platform sets it in Azure (infra/ sets Forms__PublicBaseUrl too).
            ["WEBSITE_HOSTNAME"] = TestSettings.AppHostName,
        }));
        builder.AddAttendanceFunctions();
        using var host = builder.Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var failures = new List<string>();
        foreach (var type in FunctionCatalog.All.Select(f => f.Method.DeclaringType!).Distinct())
        {
            using var scope = host.Services.CreateScope();
            try
            {
                // Throws when a constructor dependency is not registered: that is what this checks.
                Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{type.Name}: {ex.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.NotEmpty(FunctionCatalog.All);
    }

    [Fact]
    public void The_worker_holds_ASP_NET_Cores_URL_lines_below_Warning_Kestrels_bad_request_lines_off_and_keeps_the_products_request_line()
    {
        // The worker runs ASP.NET Core hosting too (ConfigureFunctionsWebApplication), whose Information lines carry
        // the query string: the form's token, a 'code' key.
        using var host = BuildWorker();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.False(loggers.CreateLogger(AttendanceServiceCollectionExtensions.HostingDiagnosticsCategory).IsEnabled(LogLevel.Information));
        // Kestrel's bad-request lines quote a refused request line, key and all.
        Assert.False(loggers.CreateLogger(AttendanceServiceCollectionExtensions.KestrelBadRequestsCategory).IsEnabled(LogLevel.Trace));
        Assert.True(loggers.CreateLogger(typeof(ApiGuard).FullName!).IsEnabled(LogLevel.Information));
    }

    private static IHost BuildWorker()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(TestSettings.Offline());
        builder.AddAttendanceFunctions();
        return builder.Build();
    }
}
