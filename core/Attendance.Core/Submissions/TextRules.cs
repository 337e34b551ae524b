using System.Globalization;
using System.Text;

namespace Attendance.Submissions;

/// <summary>
/// The rules every free-text field follows: no control characters, no broken UTF-16, bounded length,
/// surrounding and repeated white space folded, format characters (zero-width characters, bidi controls, soft
/// hyphens, the BOM) removed, and the result in Unicode NFC, so text that looks the same is stored the same.
/// Shared by submissions and event registrations.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Cleans <paramref name="value"/> for storage, or returns null and adds an error naming <paramref name="field"/>.
    /// Blank input counts as absent: an error when <paramref name="required"/>, else null without error.
    /// </summary>
    public static string? Clean(string field, string? value, int maxLength, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return null;
        }

        if (value.Length > maxLength * 4)
        {
            // Far over the limit: reject before doing any per-character work on it.
            errors.Add(field, $"must be at most {maxLength} characters.");
            return null;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, value[i + 1])) != UnicodeCategory.Format)
                {
                    AppendPendingSpace(builder, ref pendingSpace);
                    builder.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                errors.Add(field, "contains invalid Unicode (an unpaired surrogate).");
                return null;
            }

            if (c is ' ' or '\u00A0' or '\u3000' or '\u2009' or '\u202F')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                // Invisible: U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+00AD, U+FEFF. Kept, they would split
                // one person into two and let a name hide its real order.
                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                errors.Add(field, "must not contain control characters or line breaks.");
                return null;
            }

            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }

        var text = builder.ToString().Normalize(NormalizationForm.FormC);
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters.");
            return null;
        }

        return text;
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }
}
