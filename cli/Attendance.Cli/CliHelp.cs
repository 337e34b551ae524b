using System.Text;
using Attendance.Storage;

namespace Attendance.Cli;

/// <summary>
/// The one place the commands' <c>--help</c> says which storage a command uses and which settings it reads, each
/// setting in both spellings: <c>Export:PseudonymKey</c> in appsettings.json (JSON sections) and
/// <c>Export__PseudonymKey</c> as an environment variable.
/// </summary>
internal static class CliHelp
{
    /// <summary>
    /// <paramref name="summary"/>, then the storage the command uses and <paramref name="settings"/> (given in the
    /// appsettings spelling, <c>Section:Name</c>), one a line with its environment-variable spelling.
    /// </summary>
    public static string Describe(string summary, params string[] settings)
    {
        var text = new StringBuilder(summary).AppendLine().AppendLine()
            .AppendLine($"Storage: the {StorageOptions.SectionName} settings: a connection string in {Both(StorageOptions.SectionName)}, or the service URIs "
                + $"{Both($"{StorageOptions.SectionName}:TableServiceUri")} and {Both($"{StorageOptions.SectionName}:BlobServiceUri")} with an Entra ID login. "
                + $"Unset: the local Azurite emulator ({StorageOptions.SectionName}=UseDevelopmentStorage=true, as ./run.sh starts it), and on the emulator "
                + $"only {Both("Export:PseudonymKey")} defaults to the key kept in .data/pseudonym-key.")
            .AppendLine()
            .AppendLine("Settings it reads, from appsettings.json in the folder it starts in (cli/Attendance.Cli under dotnet run; Section:Name) or from environment variables (Section__Name):");
        var width = settings.Max(s => s.Length);
        foreach (var setting in settings)
        {
            // A top-level setting (AttendanceStorage, ExportSchedule) is spelled the same both ways.
            text.AppendLine(setting.Contains(':', StringComparison.Ordinal) ? $"  {setting.PadRight(width)}  {EnvironmentName(setting)}" : $"  {setting}");
        }

        return text.Append("Every setting, with its default: docs/configuration.md.").ToString();
    }

    /// <summary>A setting in both spellings: <c>Export:PseudonymKey (environment: Export__PseudonymKey)</c>.</summary>
    public static string Both(string setting) =>
        setting.Contains(':', StringComparison.Ordinal) ? $"{setting} (environment: {EnvironmentName(setting)})" : setting;

    /// <summary>A setting's environment-variable name: <c>Export__PseudonymKey</c>.</summary>
    public static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}
