using System.Security.Cryptography;
using System.Text;
using Attendance.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Attendance.OpenRosa;

/// <summary>
/// ODK Collect's credentials, checked by the handler itself: Collect speaks HTTP Basic (its server username and
/// password) and cannot send the Functions host's <c>x-functions-key</c>, so the route is anonymous at the host and
/// the password must be the function key or the admin key configured as <c>Auth:FunctionKey</c> /
/// <c>Auth:AdminKey</c>. The username is not checked: Collect requires one, any will do.
/// </summary>
public static class OpenRosaCredentials
{
    /// <summary>The challenge Collect answers with its stored username and password.</summary>
    public const string Challenge = "Basic realm=\"attendance\", charset=\"UTF-8\"";

    public static bool Allows(HttpRequest request, AuthOptions keys)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var password = decoded[(colon + 1)..];
        return Same(password, keys.FunctionKey) | Same(password, keys.AdminKey);
    }

    /// <summary>
    /// Whether <paramref name="given"/> is the key. An unset or short key (under <see cref="AuthOptions.MinimumKeyLength"/>) opens nothing, and neither does an
    /// unresolved Key Vault reference: App Service leaves the reference text (<c>@Microsoft.KeyVault(SecretUri=…)</c>)
    /// as the setting's value when the secret cannot be read, and that text is guessable from the app's host name.
    /// </summary>
    private static bool Same(string given, string? expected) =>
        expected is { Length: >= AuthOptions.MinimumKeyLength }
        && !expected.TrimStart().StartsWith(Export.ExportOptions.UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
