using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Attendance.Auth;

/// <summary>
/// Keys for the local server when none are configured. <see cref="EnsureConfigured"/> fills what is still unset for
/// this start only; <c>attendance serve</c> first reads or makes keys kept in <c>.data/</c>, so a bookmarked
/// <c>&amp;code=</c> link keeps working across runs.
/// </summary>
public static class LocalKeys
{
    /// <summary>A new random key: 24 random bytes as 48 lower-case hex characters (typeable, safe in a URL).</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// Fills <c>Auth:FunctionKey</c> and <c>Auth:AdminKey</c> with random keys where unset and returns what it
    /// generated, so the host can print it once; an empty list when both were configured.
    /// </summary>
    public static IReadOnlyList<(string Setting, string Key)> EnsureConfigured(IConfigurationManager configuration)
    {
        var generated = new List<(string, string)>();
        foreach (var name in new[] { nameof(AuthOptions.FunctionKey), nameof(AuthOptions.AdminKey) })
        {
            var setting = $"{AuthOptions.SectionName}:{name}";
            if (string.IsNullOrWhiteSpace(configuration[setting]))
            {
                var key = NewKey();
                configuration[setting] = key;
                generated.Add((setting.Replace(":", "__", StringComparison.Ordinal), key));
            }
        }

        return generated;
    }
}
