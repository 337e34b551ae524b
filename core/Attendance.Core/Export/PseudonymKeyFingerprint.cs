using System.Security.Cryptography;
using System.Text;
using Attendance.Delta;

namespace Attendance.Export;

/// <summary>
/// Identifies the pseudonym key a table was written with without revealing it: HMAC-SHA256 of a fixed label
/// under the key, in hex. Recorded in the attendance table's <c>metaData.configuration</c>, it lets a run with
/// another key refuse before it gives every returning participant a second <c>participant_key</c>. Knowing the
/// fingerprint does not help to find the key or to compute anyone's pseudonym (a keyed hash of a public label).
/// </summary>
public static class PseudonymKeyFingerprint
{
    /// <summary>The table property holding the fingerprint.</summary>
    public const string PropertyName = "attendance.pseudonymKeyFingerprint";

    /// <summary>
    /// Versioned so a future change of how fingerprints are made can tell the old ones apart instead of taking
    /// them for a different key.
    /// </summary>
    public const string Label = "attendance-analytics/pseudonym-key-fingerprint/v1";

    /// <summary>The fingerprint of <paramref name="key"/> (the bytes the export hashes identities with).</summary>
    public static string Compute(ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Label)));

    /// <summary>The fingerprint of the configured key text (<c>Export:PseudonymKey</c>, UTF-8, as the export uses it).</summary>
    public static string Compute(string key) => Compute(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// Throws when the table records another key's fingerprint. A table without one (written before fingerprints
    /// existed, or not yet created) passes: its next commit records the current key's.
    /// </summary>
    /// <exception cref="PseudonymKeyMismatchException">The table was written with another key.</exception>
    public static void EnsureMatches(DeltaSnapshot snapshot, string fingerprint)
    {
        if (snapshot.Metadata?.Configuration.GetValueOrDefault(PropertyName) is { } recorded
            && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recorded), Encoding.ASCII.GetBytes(fingerprint)))
        {
            throw new PseudonymKeyMismatchException(recorded, fingerprint);
        }
    }
}
