using System.Text;
using Attendance.Auth;
using Attendance.OpenRosa;
using Microsoft.AspNetCore.Http;

namespace Attendance.Core.Tests.OpenRosa;

/// <summary>ODK Collect's Basic password: the configured key opens the route; an unset key or an unresolved Key Vault reference opens nothing.</summary>
public sealed class OpenRosaCredentialsTests
{
    private const string Key = "0123456789abcdef0123";

    private const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-abc123.vault.azure.net/secrets/OdkCollectKey/)";

    [Fact]
    public void The_function_key_as_password_is_allowed_whatever_the_username() =>
        Assert.True(OpenRosaCredentials.Allows(Request("collect", Key), Keys(Key)));

    [Fact]
    public void Another_password_is_refused() =>
        Assert.False(OpenRosaCredentials.Allows(Request("collect", Key + "x"), Keys(Key)));

    [Fact]
    public void An_unresolved_Key_Vault_reference_is_no_password_even_when_sent_back_verbatim()
    {
        // App Service leaves the reference text as the setting's value when the secret cannot be read; the text is
        // guessable from the app's host name.
        Assert.False(OpenRosaCredentials.Allows(Request("collect", UnresolvedReference), Keys(UnresolvedReference)));
        Assert.False(OpenRosaCredentials.Allows(Request("collect", "  " + UnresolvedReference), Keys("  " + UnresolvedReference)));
    }

    [Fact]
    public void An_unset_key_is_no_password() =>
        Assert.False(OpenRosaCredentials.Allows(Request("collect", string.Empty), Keys(string.Empty)));

    private static AuthOptions Keys(string functionKey) => new() { FunctionKey = functionKey, AdminKey = string.Empty };

    private static HttpRequest Request(string user, string password)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return context.Request;
    }
}
