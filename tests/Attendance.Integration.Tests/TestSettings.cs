using Microsoft.Extensions.Configuration;

namespace Attendance.Integration.Tests;

/// <summary>The settings every test host uses: Azurite, fast-failing storage retries, tables and a container of its own.</summary>
internal static class TestSettings
{
    public const string FunctionKey = "function-key-for-tests-0001";
    public const string AdminKey = "admin-key-for-tests-00000001";
    public const string PseudonymKey = "pseudonym-key-for-tests-0000000000000";

    public static Dictionary<string, string?> Create(string connectionString, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = connectionString,
            ["AttendanceStorage:MaxRetries"] = "1",
            ["AttendanceStorage:RetryDelay"] = "00:00:00.050",
            ["AttendanceStorage:NetworkTimeout"] = "00:00:05",
            ["Store:EventsTable"] = StorageNames.Table("events"),
            ["Store:SubmissionsTable"] = StorageNames.Table("submissions"),
            ["Export:Container"] = StorageNames.Container("analytics"),
            ["Export:PseudonymKey"] = PseudonymKey,
            ["Auth:FunctionKey"] = FunctionKey,
            ["Auth:AdminKey"] = AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The product's services as every host registers them, without a web server.</summary>
    public static ServiceProvider Services(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAttendance(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
