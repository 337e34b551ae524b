using Microsoft.Extensions.Options;

namespace Attendance.Auth;

/// <summary>
/// Checks the local server's keys (<see cref="AuthOptions"/>): each at least <see cref="AuthOptions.MinimumKeyLength"/>
/// characters and not blank. Only the unnamed options are the local server's; the same section bound under another
/// name (ODK Collect's password, see <c>OpenRosaApi.KeysName</c>) is read as it is, an unset key opening nothing.
/// </summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        Check(options.FunctionKey, nameof(AuthOptions.FunctionKey), failures);
        Check(options.AdminKey, nameof(AuthOptions.AdminKey), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? key, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length < AuthOptions.MinimumKeyLength)
        {
            failures.Add($"{AuthOptions.SectionName}:{setting} must be a key of at least {AuthOptions.MinimumKeyLength} characters: set a longer one, or leave it unset and the local server generates one at start.");
        }
    }
}
