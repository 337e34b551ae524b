using System.Text;
using System.Text.RegularExpressions;

namespace Attendance.Submissions;

/// <summary>
/// Whether free text (a name, an institution, a position, a source) holds an email address or a phone number. Those
/// fields reach the analytics files, which must never carry contact details, so such text is refused with a 400 naming
/// the field instead of being stored. What counts is judged by the email and phone fields' own rules
/// (<see cref="ContactRules"/>), so a number the phone field would take is a phone number here too; numbers that
/// belong in institution names (<c>SMA Negeri 1</c>, <c>RT 03/RW 05</c>, years, an 8-digit NPSN, a date) are not.
/// </summary>
public static partial class ContactDetailsInText
{
    /// <summary>The message given for the field.</summary>
    public const string Rule = "must not hold an email address or a phone number: give them in the email and phone fields, which stay out of the analytics.";

    /// <summary>
    /// Fewer written digits than this is not a phone number in free text, although the phone field would take some
    /// (<c>81234567</c>): a date written 05-06-2023 or an 8-digit school number (NPSN) has 8, and an Indonesian
    /// number with its leading 0 has at least 9 (a 5-digit local line after a 3-digit area code).
    /// </summary>
    public const int MinPhoneDigits = 9;

    // The longest text the phone field takes (ContactRules.NormalizePhone): a longer candidate cannot be one number.
    private const int MaxPhoneLength = 32;

    /// <summary>Adds <see cref="Rule"/> for <paramref name="field"/> when <paramref name="text"/> holds contact details.</summary>
    public static void Refuse(string field, string? text, FieldErrors errors)
    {
        if (text is not null && Holds(text))
        {
            errors.Add(field, Rule);
        }
    }

    /// <summary>Whether <paramref name="text"/> holds something the email or the phone field would accept.</summary>
    public static bool Holds(string text)
    {
        // Compatibility-folded as the contact rules read it, so full-width digits and ＠ count.
        var folded = text.Normalize(NormalizationForm.FormKC);

        // Dates are no phone numbers, but two of them written as a range ("01-07-2015 - 30-06-2020") make a run of
        // digits and dashes whose middle the phone rules accept; a date is cut out before looking for a number.
        return HoldsEmail(folded) || HoldsPhone(Date().Replace(folded, " · "));
    }

    private static bool HoldsEmail(string text)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && !EndsWord(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && !EndsWord(text[end]))
            {
                end++;
            }

            // A sentence's full stop after the address is not part of its domain.
            var candidate = text[start..end].TrimEnd('.');
            if (ContactRules.NormalizeEmail(candidate, new FieldErrors()) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // '@' ends a candidate too (an address has one), so each character is looked at twice at most, whatever the text.
    private static bool EndsWord(char c) => char.IsWhiteSpace(c) || c is '@' or '<' or '>' or '(' or ')' or '[' or ']' or ',' or ';' or ':' or '"' or '\'' or '/';

    /// <summary>
    /// Any stretch of a run of digits and phone separators, from the start of one digit group to the end of another,
    /// that the phone field would accept: "Tahun 2023 0812-3456-7890" holds one although the run as a whole is none.
    /// </summary>
    private static bool HoldsPhone(string text)
    {
        foreach (Match run in PhoneRun().Matches(text))
        {
            var value = run.Value;
            for (var start = 0; start < value.Length; start++)
            {
                if (!StartsGroup(value, start))
                {
                    continue;
                }

                var digits = 0;
                for (var end = start; end < value.Length && end - start < MaxPhoneLength; end++)
                {
                    if (!char.IsAsciiDigit(value[end]))
                    {
                        continue;
                    }

                    digits++;
                    var endsGroup = end + 1 == value.Length || !char.IsAsciiDigit(value[end + 1]);
                    if (endsGroup && digits >= MinPhoneDigits
                        && ContactRules.NormalizePhone(value[start..(end + 1)], new FieldErrors()) is not null)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Where a number can begin: the run's start, a digit after a separator, or an opening parenthesis before one.</summary>
    private static bool StartsGroup(string run, int i) => run[i] switch
    {
        '+' => i == 0,
        '(' => i + 1 < run.Length && char.IsAsciiDigit(run[i + 1]),
        _ => char.IsAsciiDigit(run[i]) && (i == 0 || !char.IsAsciiDigit(run[i - 1])) && (i == 0 || run[i - 1] != '('),
    };

    [GeneratedRegex(@"\+?\(?[0-9][0-9 ().-]*")]
    private static partial Regex PhoneRun();

    /// <summary>A calendar date: day-month-year or year-month-day, with '-', '/' or '.' between the parts.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})(?![0-9])")]
    private static partial Regex Date();
}
