using Microsoft.Extensions.Options;

namespace Attendance.Export;

public sealed class ExportOptionsValidatorTests
{
    private const string PseudonymKey = "pseudonym-key-for-tests-000000000001";
    private static readonly ExportOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_with_a_key_pass()
    {
        Assert.True(Validator.Validate(Options.DefaultName, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Analytics")]
    [InlineData("analytics--2025")]
    [InlineData("-analytics")]
    [InlineData("analytics\n")]
    public void A_container_that_is_not_a_container_name_is_named(string container)
    {
        var options = Valid();
        options.Container = container;

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.Equal("Export:Container must be a blob container name: 3-63 lower-case letters, digits and single hyphens.", failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_pseudonym_key_is_named_as_required(string key)
    {
        var options = Valid();
        options.PseudonymKey = key;

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.Equal("Export:PseudonymKey is required: a secret of at least 32 characters (in Azure, a Key Vault reference).", failure);
    }

    [Fact]
    public void A_short_pseudonym_key_is_named()
    {
        var options = Valid();
        options.PseudonymKey = PseudonymKey[..31];

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.Equal("Export:PseudonymKey must be at least 32 characters.", failure);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/PseudonymKey/)")]
    [InlineData("  @microsoft.keyvault(VaultName=kv-abc;SecretName=PseudonymKey)")]
    public void An_unresolved_key_vault_reference_is_refused_although_it_is_long_enough(string reference)
    {
        var options = Valid();
        options.PseudonymKey = reference;

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.StartsWith("Export:PseudonymKey is an unresolved Key Vault reference: check that the secret PseudonymKey exists", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_retention_is_named_and_zero_passes()
    {
        var options = Valid();
        options.RemovedFileRetention = TimeSpan.FromSeconds(-1);

        var failure = Assert.Single(Validator.Validate(Options.DefaultName, options).Failures!);

        Assert.Equal("Export:RemovedFileRetention must be zero or more (a TimeSpan such as 7.00:00:00).", failure);
        options.RemovedFileRetention = TimeSpan.Zero;
        Assert.True(Validator.Validate(Options.DefaultName, options).Succeeded);
    }

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        var options = new ExportOptions { Container = "A", PseudonymKey = "short", RemovedFileRetention = TimeSpan.FromDays(-1) };

        var failures = Validator.Validate(Options.DefaultName, options).Failures!;

        Assert.Equal(["Export:Container", "Export:PseudonymKey", "Export:RemovedFileRetention"], failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]));
    }

    private static ExportOptions Valid() => new() { PseudonymKey = PseudonymKey };
}
