namespace Attendance.Testing;

/// <summary>
/// The settings every test host is built from, in one place: the Integration tests' local server and services, the
/// Functions tests' function classes and worker host. A test adds or replaces what it is about with
/// <c>overrides</c> (a <see langword="null"/> value leaves the setting unset).
/// </summary>
public static class TestSettings
{
    public const string FunctionKey = "function-key-for-tests-0001";
    public const string AdminKey = "admin-key-for-tests-00000001";
    public const string PseudonymKey = "pseudonym-key-for-tests-0000000000000";

    /// <summary>The app's own host name, as App Service and Functions set <c>WEBSITE_HOSTNAME</c> in Azure.</summary>
    public const string AppHostName = "func-test.azurewebsites.net";

    /// <summary>
    /// A host on Azurite: one fast retry so failures show quickly, tables and a container of its own so tests do not
    /// see each other's data, the keys above, and only warnings logged.
    /// </summary>
    public static Dictionary<string, string?> Create(string connectionString, IDictionary<string, string?>? overrides = null) => With(
        new Dictionary<string, string?>
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
        },
        overrides);

    /// <summary>
    /// <see cref="Create"/> for the Functions app as Azure runs it: the platform sets <c>WEBSITE_HOSTNAME</c>, which the
    /// venue link falls back on.
    /// </summary>
    public static Dictionary<string, string?> InAzure(string connectionString, IDictionary<string, string?>? overrides = null) =>
        With(Create(connectionString, new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = AppHostName }), overrides);

    /// <summary>
    /// A host that is built but never reaches storage (the emulator's well-known connection), with only what startup
    /// requires: no keys, no log levels, so a test states each setting it is about.
    /// </summary>
    public static Dictionary<string, string?> Offline(IDictionary<string, string?>? overrides = null) => With(
        new Dictionary<string, string?>
        {
            ["AttendanceStorage"] = "UseDevelopmentStorage=true",
            ["Export:PseudonymKey"] = PseudonymKey,
        },
        overrides);

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, IDictionary<string, string?>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
