using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Attendance.Submissions;

/// <summary>How email addresses and phone numbers are checked and put in one canonical form.</summary>
public static partial class ContactRules
{
    /// <summary>
    /// Lower-cased, trimmed, compatibility-folded email; null with an error when it is not a plausible address
    /// (one <c>@</c>, a dotted domain, no spaces, at most 254 characters). Internationalized domains
    /// (<c>perpustakaan.bücher.example</c>) are accepted and stored in Unicode, whether sent so or as
    /// punycode (<c>xn--bcher-kva</c>), so both spellings are one address.
    /// </summary>
    public static string? NormalizeEmail(string? value, FieldErrors errors)
    {
        var text = TextRules.Clean("email", value, 254, required: false, errors)?.Normalize(NormalizationForm.FormKC);
        if (text is null)
        {
            return null;
        }

        var at = text.LastIndexOf('@');
        string? ascii = null;
        if (at > 0 && at < text.Length - 1)
        {
            try
            {
                ascii = Idn.GetAscii(text[(at + 1)..]);
            }
            catch (ArgumentException)
            {
                // Not a valid internationalized domain name: reported below like any bad address.
            }
        }

        if (ascii is null || !EmailShape().IsMatch(text[..(at + 1)] + ascii))
        {
            errors.Add("email", "is not a valid email address.");
            return null;
        }

        return (text[..(at + 1)] + Idn.GetUnicode(ascii)).ToLowerInvariant();
    }

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// Digits with the country code: <c>0812…</c>, <c>+62 812…</c>, <c>+62 (0)812…</c>, <c>+62 0812…</c>,
    /// <c>62812…</c> and <c>812…</c> are one number <c>62812…</c>, whatever spaces, dots, dashes and parentheses
    /// group them, and in full-width digits too. A number with another country code must start with <c>+</c>.
    /// </summary>
    public static string? NormalizePhone(string? value, FieldErrors errors)
    {
        var text = TextRules.Clean("phone", value, 32, required: false, errors)?.Normalize(NormalizationForm.FormKC);
        if (text is null)
        {
            return null;
        }

        if (!PhoneShape().IsMatch(text))
        {
            errors.Add("phone", "may hold only digits, spaces, '-', '.', '(' ')' and a leading '+'.");
            return null;
        }

        var international = text.StartsWith('+');
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var normalized = digits switch
        {
            // Indonesia's trunk 0 written after its country code, "+62 (0)812" or "+62 0812": not part of the number.
            ['6', '2', '0', .. var rest] => "62" + rest,
            _ when international => digits,
            ['6', '2', ..] => digits,
            ['0', .. var rest] => "62" + rest,
            ['8', ..] => "62" + digits,
            _ => null,
        };

        if (normalized is null || normalized.Length is < 9 or > 15)
        {
            errors.Add("phone", "is not a valid phone number (e.g. 0812 3456 7890 or +62 812 3456 7890).");
            return null;
        }

        return normalized;
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9(][0-9 ().-]*$")]
    private static partial Regex PhoneShape();
}
