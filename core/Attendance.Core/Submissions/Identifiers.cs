using System.Buffers;

namespace Attendance.Submissions;

/// <summary>
/// The shape of ids that become Table Storage keys (event ids, client submission ids): letters, digits and
/// <c>. _ - :</c>, so no key can hold the characters Table Storage forbids (<c>/ \ # ?</c>, control characters)
/// nor quotes or spaces that could reach an OData filter.
/// </summary>
public static class Identifiers
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:");

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && !value.AsSpan().ContainsAnyExcept(Allowed)
        && char.IsAsciiLetterOrDigit(value[0]);

    /// <summary>The message a field gets when <see cref="IsValid"/> is false.</summary>
    public const string Rule = "must be 1 to 64 characters: letters, digits, '.', '_', '-' or ':', starting with a letter or digit.";
}
