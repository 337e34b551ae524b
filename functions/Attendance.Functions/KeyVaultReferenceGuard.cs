using Attendance.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Functions;

/// <summary>
/// Refuses to start with an unresolved Key Vault reference as the pseudonym key. When App Service cannot
/// resolve <c>@Microsoft.KeyVault(...)</c> (the secret is missing, or the identity lacks its role) it leaves
/// the reference text as the setting's value, which is long enough to pass as a key: the export would then
/// pseudonymise every participant with that text instead of the secret, and no check would notice.
/// </summary>
public static class KeyVaultReferenceGuard
{
    public const string UnresolvedPrefix = "@Microsoft.KeyVault(";

    /// <summary>Adds the check to the export options, which are validated when the host starts.</summary>
    public static IServiceCollection AddKeyVaultReferenceGuard(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().Validate(
            options => !options.PseudonymKey.TrimStart().StartsWith(UnresolvedPrefix, StringComparison.OrdinalIgnoreCase),
            "Export:PseudonymKey is an unresolved Key Vault reference: check that the secret PseudonymKey exists and that the app's identity is Key Vault Secrets User (docs/deployment.md).");
        return services;
    }
}
