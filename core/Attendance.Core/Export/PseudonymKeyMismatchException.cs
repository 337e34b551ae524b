namespace Attendance.Export;

/// <summary>
/// The configured <c>Export:PseudonymKey</c> is not the key the attendance table was written with. Nothing was
/// committed. The message is one line a person can act on; it shows only the start of each fingerprint.
/// </summary>
public sealed class PseudonymKeyMismatchException(string recorded, string current) : Exception(
    $"attendance: Export:PseudonymKey is not the key the attendance table was written with (table key fingerprint {Start(recorded)}…, configured {Start(current)}…); nothing was exported. Restore the previous key, or change it deliberately with `attendance rebuild --new-pseudonym-key` (docs/export.md).")
{
    /// <summary>The fingerprint recorded in the table.</summary>
    public string Recorded { get; } = recorded;

    /// <summary>The fingerprint of the configured key.</summary>
    public string Current { get; } = current;

    /// <summary>The start of a fingerprint, all that messages and logs show of it.</summary>
    public static string Start(string fingerprint) => fingerprint[..Math.Min(12, fingerprint.Length)];
}
