using Microsoft.Extensions.Options;

namespace Attendance.Functions.Tests;

/// <summary>
/// Settings the app refuses at start in Azure, before any function runs: what the platform hands the worker
/// (an unresolved Key Vault reference, no host name) meets core's options validation.
/// </summary>
public sealed class StartupValidationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Startup_refuses_an_unresolved_key_vault_reference_as_the_pseudonym_key()
    {
        var settings = TestSettings.InAzure(azurite.ConnectionString);
        settings["Export:PseudonymKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/PseudonymKey/)";
        await using var provider = TestServices.Build(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("unresolved Key Vault reference", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_refuses_an_app_without_a_public_address_where_the_platform_reports_no_host_name()
    {
        // The link would otherwise follow each request's Host header, which the client chooses.
        var settings = TestSettings.InAzure(azurite.ConnectionString);
        settings.Remove("WEBSITE_HOSTNAME");
        await using (var provider = TestServices.Build(settings))
        {
            var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("Forms:PublicBaseUrl must be set", failure.Message, StringComparison.Ordinal);
        }

        settings["Forms:PublicBaseUrl"] = "https://hadir.perpusnas.example";
        await using (var provider = TestServices.Build(settings))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
    }

    [Fact]
    public async Task Startup_accepts_a_resolved_pseudonym_key()
    {
        await using var provider = TestServices.Build(TestSettings.InAzure(azurite.ConnectionString));
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
