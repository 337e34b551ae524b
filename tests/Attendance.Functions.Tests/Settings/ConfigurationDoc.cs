using System.Text.RegularExpressions;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// The settings table of docs/configuration.md: columns setting (one or more names in backticks), meaning,
/// default, set by infra? (yes/no).
/// </summary>
internal static partial class ConfigurationDoc
{
    public static string Path => RepoPaths.Combine("docs", "configuration.md");

    public static IReadOnlyList<DocumentedSetting> All { get; } = Parse(File.ReadAllLines(Path));

    public static DocumentedSetting? Find(string key) =>
        All.FirstOrDefault(row => row.Names.Contains(key, StringComparer.OrdinalIgnoreCase));

    public static List<DocumentedSetting> Parse(IEnumerable<string> lines)
    {
        var rows = new List<DocumentedSetting>();
        foreach (var line in lines)
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!line.TrimStart().StartsWith('|') || cells.Length != 4 || !cells[0].StartsWith('`'))
            {
                continue;
            }

            var names = Name().Matches(cells[0]).Select(m => m.Groups[1].Value).ToList();
            var setByInfra = cells[3].StartsWith("yes", StringComparison.OrdinalIgnoreCase);
            if (!setByInfra && !cells[3].StartsWith("no", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"configuration.md: 'set by infra?' must start with yes or no: {line}");
            }

            rows.Add(new DocumentedSetting(names, cells[1], cells[2], setByInfra, cells[3]));
        }

        return rows;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Name();
}
