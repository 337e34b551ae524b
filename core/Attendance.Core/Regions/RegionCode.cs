using System.Text;

namespace Attendance.Regions;

/// <summary>
/// Recognises official codes however they are typed: <c>18</c>, <c>18.71</c>, <c>1871</c>, <c> 18.71 </c>,
/// <c>18-71</c>. Forms and spreadsheets drop the dot or turn the code into a number, so only the digits count.
/// </summary>
internal static class RegionCode
{
    /// <summary>
    /// Whether the text looks like a code: at least one digit and no letters. Only then is
    /// <paramref name="canonical"/> meaningful; it is <c>NN</c> or <c>NN.NN</c>, or <see langword="null"/>
    /// when the digit count fits no code.
    /// </summary>
    public static bool LooksLikeCode(string text, out string? canonical)
    {
        var digits = new StringBuilder(4);
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                canonical = null;
                return false;
            }

            if (char.IsAsciiDigit(ch))
            {
                digits.Append(ch);
            }
        }

        canonical = digits.Length switch
        {
            2 => digits.ToString(),
            4 => $"{digits.ToString(0, 2)}.{digits.ToString(2, 2)}",
            _ => null,
        };
        return digits.Length > 0;
    }
}
