using System.Reflection;
using Attendance.Api;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// Every setting core reads, discovered rather than listed: each options class carries
/// <c>public const string SectionName</c> and binds its public settable properties below that section; a key
/// read without an options class is a <c>public const string SettingName</c> (as on <c>ExportSchedule</c>),
/// and <see cref="TopLevelKeys"/> lists them too, so that one losing its constant is not silently dropped.
/// </summary>
internal static class CoreSettings
{
    /// <summary>Keys core reads directly from configuration, outside any options section.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["ExportSchedule"];

    public static IReadOnlyList<CodeSetting> All { get; } = Discover();

    /// <summary>Whether the code reads <paramref name="key"/>.</summary>
    public static bool IsKnown(string key) => All.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The options classes found (a test checks the discovery finds the known ones).</summary>
    public static IReadOnlyList<Type> OptionsTypes { get; } =
    [
        .. typeof(ApiRoutes).Assembly.GetTypes().Where(t => SectionOf(t) is not null),
    ];

    public static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static List<CodeSetting> Discover()
    {
        var settings = new List<CodeSetting>();
        foreach (var type in typeof(ApiRoutes).Assembly.GetTypes())
        {
            if (SectionOf(type) is { } section)
            {
                AddProperties(settings, type, section, type);
            }
        }

        var topLevel = typeof(ApiRoutes).Assembly.GetTypes()
            .Select(t => t.GetField("SettingName", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f!.GetRawConstantValue()!)
            .Union(TopLevelKeys, StringComparer.OrdinalIgnoreCase);
        settings.AddRange(topLevel.Select(key => new CodeSetting(key, null, null)));
        return settings;
    }

    private static void AddProperties(List<CodeSetting> settings, Type optionsType, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}__{property.Name}";
            if (IsNested(property.PropertyType))
            {
                AddProperties(settings, optionsType, key, property.PropertyType);
            }
            else
            {
                settings.Add(new CodeSetting(key, type == optionsType ? optionsType : null, property));
            }
        }
    }

    // A class the binder descends into (a nested section), as opposed to a value it converts from a string.
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !type.IsArray && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
