using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Attendance.Submissions;

/// <summary>
/// Who attended, as the product recognises a person across channels and days: by normalized email, else by
/// normalized phone, else by normalized name within a regency. The <see cref="Value"/> stays in the store;
/// analytics see only a keyed hash of it (the pseudonymous participant key).
/// </summary>
public sealed record ParticipantIdentity(string Value)
{
    public static ParticipantIdentity From(string? email, string? phone, string fullName, string regencyCode) =>
        email is not null ? new("email:" + email)
        : phone is not null ? new("phone:" + phone)
        : new($"name:{NormalizeName(fullName)}@{regencyCode}");

    /// <summary>
    /// A short unkeyed digest for storage keys: it keeps contact details out of row keys while staying
    /// stable, so the same person on the same day always lands on the same row.
    /// </summary>
    public string StorageKey => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)).AsSpan(0, 16));

    /// <summary>The pseudonymous participant key for analytics: HMAC-SHA256 of the identity with the export's secret.</summary>
    public string PseudonymKey(byte[] secret) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Value)));

    /// <summary>
    /// Compatibility-folded (NFKC: mathematical bold and full-width letters are the letters they look like), lower
    /// case, accents removed, letters and digits only, single spaces: "Siti Nur'aini", "SITI  NURAINI" and
    /// "𝐒𝐢𝐭𝐢 Nuraini" are one name.
    /// </summary>
    public static string NormalizeName(string fullName)
    {
        var decomposed = fullName.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or ',')
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
