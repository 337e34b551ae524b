using System.ComponentModel;
using System.Globalization;
using Attendance.Export;
using Attendance.Storage;
using Xunit;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// Every setting core reads is either given to the Functions app by infra or documented with the default that
/// applies without it; what infra sets is a setting something reads; and the documentation matches both.
/// </summary>
public sealed class AppSettingsCoverageTests
{
    // Settings of the Functions host and the platform, not of this product's code.
    private static readonly string[] HostSettingPrefixes = ["AzureWebJobsStorage", "APPLICATIONINSIGHTS_", "FUNCTIONS_", "WEBSITE_"];

    [Fact]
    public void Discovery_finds_the_options_of_storage_the_store_and_the_export()
    {
        // Guards the reflection itself: if SectionName stopped being found, every other test here would pass vacuously.
        Assert.Contains(typeof(StorageOptions), CoreSettings.OptionsTypes);
        Assert.Contains(typeof(ExportOptions), CoreSettings.OptionsTypes);
        Assert.Contains(CoreSettings.All, s => s.Key == "AttendanceStorage__TableServiceUri");
        Assert.Contains(CoreSettings.All, s => s.Key == "Store__SubmissionsTable");
        Assert.Contains(CoreSettings.All, s => s.Key == "Export__PseudonymKey" && s.IsSecret);
        Assert.Contains(CoreSettings.All, s => s.Key == ExportSchedule.SettingName && s.Property is null);
    }

    [Fact]
    public void Every_setting_the_code_reads_is_documented()
    {
        var missing = CoreSettings.All.Where(s => ConfigurationDoc.Find(s.Key) is null).Select(s => s.Key).ToList();
        Assert.True(missing.Count == 0, "Add rows to docs/configuration.md for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_setting_the_code_reads_is_set_by_infra_or_has_a_documented_default()
    {
        var uncovered = CoreSettings.All
            .Where(s => !InfraSettings.Sets(s.Key) && ConfigurationDoc.Find(s.Key) is not { HasDefault: true })
            .Select(s => s.Key)
            .ToList();
        Assert.True(uncovered.Count == 0, "Neither set in infra/app/function-app.bicep nor given a default in docs/configuration.md: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void The_documentation_says_set_by_infra_exactly_for_the_settings_infra_sets()
    {
        var wrong = ConfigurationDoc.All
            .Where(row => row.SetByInfra != row.Names.Any(InfraSettings.Sets))
            .Select(row => $"{string.Join(" / ", row.Names)}: documented {(row.SetByInfra ? "yes" : "no")}, infra {(row.SetByInfra ? "does not set it" : "sets it")}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_setting_infra_gives_the_app_is_read_by_the_code_or_the_host()
    {
        var unknown = InfraSettings.All.Keys
            .Where(key => !IsHostSetting(key) && !CoreSettings.IsKnown(key))
            .ToList();
        Assert.True(unknown.Count == 0, "Infra sets settings no code reads (a typo?): " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_documented_setting_is_read_by_the_code_or_the_host()
    {
        var stale = ConfigurationDoc.All
            .SelectMany(row => row.Names)
            .Where(name => !IsHostSetting(name) && !CoreSettings.IsKnown(name) && !IsConnectionStringForm(name))
            .ToList();
        Assert.True(stale.Count == 0, "docs/configuration.md documents settings nothing reads: " + string.Join(", ", stale));
    }

    [Fact]
    public void Documented_defaults_are_the_code_defaults()
    {
        var wrong = new List<string>();
        foreach (var setting in CoreSettings.All.Where(s => s.Property is not null && s.OptionsType is not null))
        {
            if (ConfigurationDoc.Find(setting.Key)?.DefaultLiteral is not { } literal)
            {
                continue;
            }

            var documented = TypeDescriptor.GetConverter(setting.Property!.PropertyType).ConvertFromInvariantString(literal);
            if (!Equals(documented, setting.CodeDefault))
            {
                wrong.Add($"{setting.Key}: documented `{literal}`, code {Convert.ToString(setting.CodeDefault, CultureInfo.InvariantCulture) ?? "null"}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Secrets_reach_the_app_as_key_vault_references_only()
    {
        var plain = CoreSettings.All
            .Where(s => s.IsSecret && InfraSettings.All.TryGetValue(s.Key, out var value) && !value.StartsWith("'@Microsoft.KeyVault(", StringComparison.Ordinal))
            .Select(s => $"{s.Key} = {InfraSettings.All[s.Key]}")
            .ToList();
        Assert.True(plain.Count == 0, "Secrets set in plain text: " + string.Join(", ", plain));
    }

    [Fact]
    public void The_local_server_keys_are_not_given_to_the_functions_app_whose_host_checks_its_own()
    {
        Assert.DoesNotContain(InfraSettings.All.Keys, key => key.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsHostSetting(string key) =>
        HostSettingPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    // StorageOptions.ConnectionString is bound from the value of the section itself (`AttendanceStorage`).
    private static bool IsConnectionStringForm(string name) =>
        CoreSettings.All.Any(s => s.Property?.Name == "ConnectionString" && s.Key == $"{name}__ConnectionString");
}
