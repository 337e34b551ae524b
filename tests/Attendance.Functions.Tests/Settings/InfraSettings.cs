using System.Text.RegularExpressions;
using Attendance.Testing;

namespace Attendance.Functions.Tests.Settings;

/// <summary>The app settings infra/app/function-app.bicep gives the Functions app: the <c>appSettings</c> object, key by key.</summary>
internal static partial class InfraSettings
{
    public static string FunctionAppBicepPath => RepoPaths.Combine("infra", "app", "function-app.bicep");

    /// <summary>Setting name to its Bicep value expression, as written.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Parse(File.ReadAllText(FunctionAppBicepPath));

    public static bool Sets(string key) => All.ContainsKey(key);

    public static Dictionary<string, string> Parse(string bicep)
    {
        var start = AppSettingsStart().Match(bicep);
        if (!start.Success)
        {
            throw new InvalidOperationException("function-app.bicep declares no 'var appSettings = {'.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Block(bicep, start.Index + start.Length).Split('\n'))
        {
            if (Entry().Match(line) is { Success: true } entry)
            {
                if (!settings.TryAdd(entry.Groups[1].Value, entry.Groups[2].Value.Trim()))
                {
                    throw new InvalidOperationException($"appSettings sets '{entry.Groups[1].Value}' twice.");
                }
            }
        }

        return settings;
    }

    // The text up to the brace that closes the object opened just before `from`.
    private static string Block(string text, int from)
    {
        var depth = 1;
        for (var i = from; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[from..i];
            }
        }

        throw new InvalidOperationException("appSettings is not closed.");
    }

    [GeneratedRegex(@"var\s+appSettings\s*=\s*\{")]
    private static partial Regex AppSettingsStart();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)\s*$")]
    private static partial Regex Entry();
}
