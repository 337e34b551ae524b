namespace Attendance.Testing;

/// <summary>Unique, valid table and container names, so tests sharing one emulator never see each other's data.</summary>
public static class StorageNames
{
    /// <summary>A table name: a letter then letters and digits, 3 to 63 characters.</summary>
    public static string Table(string prefix = "t") => Valid(prefix, 63, char.IsAsciiLetterOrDigit, "t") + Suffix();

    /// <summary>A container name: lower-case letters, digits and hyphens, 3 to 63 characters.</summary>
    public static string Container(string prefix = "c") =>
        Valid(prefix.ToLowerInvariant(), 63, c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c), "c") + "-" + Suffix();

    private static string Suffix() => Guid.NewGuid().ToString("N")[..20];

    private static string Valid(string prefix, int max, Func<char, bool> allowed, string fallback)
    {
        var kept = new string([.. prefix.Where(allowed)]);
        kept = kept.Length > 0 && char.IsAsciiLetter(kept[0]) ? kept : fallback + kept;
        return kept[..Math.Min(kept.Length, max - 21)];
    }
}
