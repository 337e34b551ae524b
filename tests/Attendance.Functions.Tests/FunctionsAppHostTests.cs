using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Attendance.Functions.Tests;

/// <summary>The worker's host as Program.cs builds it (not started: that needs the Functions host's gRPC channel).</summary>
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
}
