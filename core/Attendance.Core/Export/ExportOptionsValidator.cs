using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>
/// Checks <see cref="ExportOptions"/> at start: a container name Blob Storage accepts, a pseudonym key that is set, long
/// enough and not the text of a Key Vault reference App Service could not resolve, and a retention of zero or more.
/// </summary>
internal sealed partial class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    private const string Section = ExportOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Container is null || !ContainerName().IsMatch(options.Container))
        {
            failures.Add($"{Section}:{nameof(ExportOptions.Container)} must be a blob container name: 3-63 lower-case letters, digits and single hyphens.");
        }

        CheckPseudonymKey(options.PseudonymKey, failures);
        if (options.RemovedFileRetention < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(ExportOptions.RemovedFileRetention)} must be zero or more (a TimeSpan such as 7.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPseudonymKey(string? key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{Section}:{nameof(ExportOptions.PseudonymKey)} is required: a secret of at least {ExportOptions.MinimumPseudonymKeyLength} characters (in Azure, a Key Vault reference).");
            return;
        }

        if (key.Length < ExportOptions.MinimumPseudonymKeyLength)
        {
            failures.Add($"{Section}:{nameof(ExportOptions.PseudonymKey)} must be at least {ExportOptions.MinimumPseudonymKeyLength} characters.");
        }

        // Checked apart from the length: a reference is long enough to pass as a key, and pseudonyms made with its
        // text would be silently wrong.
        if (key.TrimStart().StartsWith(ExportOptions.UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:{nameof(ExportOptions.PseudonymKey)} is an unresolved Key Vault reference: check that the secret PseudonymKey exists and that the app's identity is Key Vault Secrets User (docs/deployment.md).");
        }
    }

    // A blob container name: 3-63 characters, lower-case letters, digits and hyphens, starting and ending with a letter
    // or digit, no two hyphens in a row.
    [GeneratedRegex(@"\A[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
