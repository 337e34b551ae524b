using Attendance.Functions.Tests.Infra;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// The app settings Azure receives: the properties of the one <c>Microsoft.Web/sites/config</c> resource
/// (<c>appsettings</c>) in the compiled template, key by key. Each value is an ARM expression
/// (<c>[parameters('exportSchedule')]</c>) or a literal.
/// </summary>
internal static class InfraSettings
{
    /// <summary>Whether Azure receives <paramref name="key"/>; for synchronous tests (the template is compiled once).</summary>
    public static bool Sets(string key) => Task.Run(AllAsync).GetAwaiter().GetResult().ContainsKey(key);

    public static async Task<IReadOnlyDictionary<string, string>> AllAsync()
    {
        var config = await InfraTemplate.SingleAsync("Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", config.GetProperty("name").GetString(), StringComparison.Ordinal);

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in config.GetProperty("properties").EnumerateObject())
        {
            // A JSON object's names are unique, but not case-insensitively, and app settings are case-insensitive.
            Assert.True(settings.TryAdd(setting.Name, setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString()! : setting.Value.GetRawText()),
                $"appsettings sets '{setting.Name}' twice.");
        }

        return settings;
    }
}
