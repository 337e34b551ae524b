using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Attendance.Api;

/// <summary>
/// The local server's log defaults: one line per request, the product's own (<see cref="ApiGuard"/>, "GetForm
/// answered 200 in 12 ms"). ASP.NET Core's routing and result categories write four more lines a request at
/// Information ("Executing endpoint", "Setting HTTP status code", "Writing value of type", "Executed endpoint"), so
/// <c>Microsoft.AspNetCore</c> starts at Warning, and the console writes each entry on one line with its time.
/// Every value here is a default beneath every other source: appsettings.json or the environment changes it, e.g.
/// <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c> for the routing lines again, or
/// <c>Logging__LogLevel__Default=Debug</c>. (The hosts' URL lines stay held by <see cref="RequestLogFilters"/> whatever is set.)
/// </summary>
public static class LocalServerLogging
{
    /// <summary>The defaults, in the appsettings spelling.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss ",
    };

    /// <summary>Adds <see cref="Defaults"/> as the first source of <paramref name="configuration"/>, so every other source overrides them.</summary>
    public static void AddDefaults(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
    }
}
