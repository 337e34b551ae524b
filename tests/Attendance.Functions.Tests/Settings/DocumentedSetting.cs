namespace Attendance.Functions.Tests.Settings;

/// <summary>One row of the table in docs/configuration.md.</summary>
internal sealed record DocumentedSetting(IReadOnlyList<string> Names, string Meaning, string Default, bool SetByInfra, string SetByInfraText)
{
    /// <summary>Whether the row says what applies when the setting is absent.</summary>
    public bool HasDefault => Default.Trim() is not ("" or "-" or "—");

    /// <summary>The literal in backticks in the Default column, if any (<c>`analytics`</c>).</summary>
    public string? DefaultLiteral
    {
        get
        {
            var start = Default.IndexOf('`', StringComparison.Ordinal);
            var end = start < 0 ? -1 : Default.IndexOf('`', start + 1);
            return end > start ? Default[(start + 1)..end] : null;
        }
    }
}
