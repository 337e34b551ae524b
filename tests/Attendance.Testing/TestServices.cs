using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attendance.Testing;

/// <summary>
/// The product's services as every host registers them (<c>AddAttendance</c>), on a plain container without a web
/// server or the Functions worker: for tests that call core's handlers, runners and stores directly, or activate the
/// function classes as the worker's activator does.
/// </summary>
public static class TestServices
{
    /// <param name="settings">Usually <see cref="TestSettings.Create"/>, with what the test is about.</param>
    /// <param name="logs">Where every log entry goes, for tests that assert on the logs.</param>
    /// <param name="configure">More registrations, after the product's (a fault-injecting pipeline policy, a clock).</param>
    public static ServiceProvider Build(
        IDictionary<string, string?> settings, CapturedLogs? logs = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        // As in every host, where the configuration is a service too.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAttendance(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
