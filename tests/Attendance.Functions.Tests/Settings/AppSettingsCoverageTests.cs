using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Attendance.Export;
using Attendance.Storage;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// Every setting core reads is either in the app settings of the compiled infra template or documented with the
/// default that applies without it; a setting the code has no default for is always in them (the app settings
/// resource replaces the whole list on every provision, so nothing set by hand survives); what infra sets is a
/// setting something reads; and the documentation matches all of it and never asks for a setting by hand.
/// </summary>
public sealed partial class AppSettingsCoverageTests
{
    // Settings of the Functions host and the platform, not of this product's code.
    private static readonly string[] HostSettingPrefixes = ["AzureWebJobsStorage", "APPLICATIONINSIGHTS_", "FUNCTIONS_", "WEBSITE_"];

    // Settings without a code default that the Functions app in Azure does not read, each with the reason.
    private static readonly Dictionary<string, string> ReadOnlyByOtherHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth__AdminKey"] = "the local server's admin key; in Azure the Functions host checks its own master key",
        ["AttendanceStorage__ConnectionString"] = "a key connection string for the emulator and the CLI; the deployed storage refuses keys, infra gives the service URIs",
    };

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
        // Add rows to docs/configuration.md for every setting listed.
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_setting_the_code_reads_is_in_the_compiled_app_settings_or_has_a_documented_default()
    {
        var infra = await InfraSettings.AllAsync();
        var uncovered = CoreSettings.All
            .Where(s => !infra.ContainsKey(s.Key) && ConfigurationDoc.Find(s.Key) is not { HasDefault: true })
            .Select(s => s.Key)
            .ToList();
        // Neither in the compiled app settings (infra/app/function-app.bicep) nor given a default in docs/configuration.md.
        Assert.Empty(uncovered);
    }

    [Fact]
    public async Task Every_setting_the_code_has_no_default_for_is_in_the_compiled_app_settings_unless_only_another_host_reads_it()
    {
        // A setting whose code default is empty is one the app needs a value for in Azure (a storage endpoint, a
        // secret, the links' address); one set by hand would be deleted by the next provision.
        var infra = await InfraSettings.AllAsync();
        var needed = CoreSettings.All.Where(s => s.Property is not null && IsEmpty(s.CodeDefault)).Select(s => s.Key).ToList();
        Assert.Contains("Forms__PublicBaseUrl", needed);
        Assert.Contains("Auth__FunctionKey", needed);

        var missing = needed.Where(key => !infra.ContainsKey(key) && !ReadOnlyByOtherHosts.ContainsKey(key)).ToList();
        // The code has no default for these, so Azure must get them from infra.
        Assert.Empty(missing);
        Assert.All(ReadOnlyByOtherHosts.Keys, key => Assert.Contains(key, needed, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_documentation_says_set_by_infra_exactly_for_the_settings_infra_sets()
    {
        var infra = await InfraSettings.AllAsync();
        var wrong = ConfigurationDoc.All
            .Where(row => row.SetByInfra != row.Names.Any(infra.ContainsKey))
            .Select(row => $"{string.Join(" / ", row.Names)}: documented {(row.SetByInfra ? "yes" : "no")}, infra {(row.SetByInfra ? "does not set it" : "sets it")}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void No_setting_is_documented_as_set_by_hand_in_azure()
    {
        var byHand = ConfigurationDoc.All
            .Where(row => !row.SetByInfra && ByHand().IsMatch(row.SetByInfraText))
            .Select(row => string.Join(" / ", row.Names))
            .ToList();
        // The next azd provision deletes a setting set by hand; give it to infra instead.
        Assert.Empty(byHand);
    }

    [Fact]
    public void No_document_tells_an_operator_to_change_app_settings_by_hand()
    {
        var documents = Directory.GetFiles(RepoPaths.Combine("docs"), "*.md").Append(RepoPaths.Combine("README.md")).ToList();
        Assert.Contains(documents, d => d.EndsWith("deployment.md", StringComparison.Ordinal));
        var offending = documents
            .SelectMany(d => File.ReadLines(d).Select((line, i) => (Document: Path.GetFileName(d), Line: i + 1, Text: line)))
            .Where(l => AppSettingsCommand().IsMatch(l.Text))
            .Select(l => $"{l.Document}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        // The next azd provision deletes what these set.
        Assert.Empty(offending);
    }

    [Fact]
    public async Task Every_setting_infra_gives_the_app_is_read_by_the_code_or_the_host()
    {
        var unknown = (await InfraSettings.AllAsync()).Keys
            .Where(key => !IsHostSetting(key) && !CoreSettings.IsKnown(key))
            .ToList();
        // Infra sets settings no code reads (a typo?).
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_documented_setting_is_read_by_the_code_or_the_host()
    {
        var stale = ConfigurationDoc.All
            .SelectMany(row => row.Names)
            .Where(name => !IsHostSetting(name) && !CoreSettings.IsKnown(name) && !IsConnectionStringForm(name))
            .ToList();
        // docs/configuration.md documents settings nothing reads.
        Assert.Empty(stale);
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

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Secrets_reach_the_app_as_key_vault_references_only()
    {
        var infra = await InfraSettings.AllAsync();
        var secrets = CoreSettings.All.Where(s => s.IsSecret && infra.ContainsKey(s.Key)).ToList();
        Assert.Contains(secrets, s => s.Key == "Export__PseudonymKey");
        Assert.Contains(secrets, s => s.Key == "Auth__FunctionKey");
        var plain = secrets
            .Where(s => !infra[s.Key].StartsWith(KeyVaultReference, StringComparison.Ordinal))
            .Select(s => $"{s.Key} = {infra[s.Key]}")
            .ToList();
        // Secrets set in plain text.
        Assert.Empty(plain);
    }

    [Fact]
    public async Task The_functions_app_gets_the_odk_password_but_not_the_local_servers_admin_key()
    {
        // ODK Collect sends HTTP Basic, which the Functions host cannot check, so the app checks Auth:FunctionKey;
        // admin routes are the host's, behind its master key.
        var infra = await InfraSettings.AllAsync();
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('odkCollectKeySecretUri'))]", infra["Auth__FunctionKey"]);
        Assert.DoesNotContain("Auth__AdminKey", infra.Keys);
    }

    private const string KeyVaultReference = "[format('@Microsoft.KeyVault(SecretUri={0})', ";

    private static bool IsEmpty(object? value) => value is null || value is string { Length: 0 };

    // A "no" row that still expects someone to set it in Azure.
    [GeneratedRegex(@"(?i)\bby hand\b|\bportal\b|\bmanually\b")]
    private static partial Regex ByHand();

    // az functionapp/webapp config appsettings set|delete, Set-AzFunctionAppSetting, Update-AzFunctionAppSetting.
    [GeneratedRegex(@"(?i)appsettings\s+(set|delete)\b|(Set|Update|Remove)-Az(Function|Web)App(Setting|Slot)")]
    private static partial Regex AppSettingsCommand();

    private static bool IsHostSetting(string key) =>
        HostSettingPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    // StorageOptions.ConnectionString is bound from the value of the section itself (`AttendanceStorage`).
    private static bool IsConnectionStringForm(string name) =>
        CoreSettings.All.Any(s => s.Property?.Name == "ConnectionString" && s.Key == $"{name}__ConnectionString");
}
