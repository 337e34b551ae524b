using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Attendance.Auth;

/// <summary>Keys for the local server when none are configured: generated once per start, never stored.</summary>
public static class LocalKeys
{
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
                var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                configuration[setting] = key;
                generated.Add((setting.Replace(":", "__", StringComparison.Ordinal), key));
            }
        }

        return generated;
    }
}
