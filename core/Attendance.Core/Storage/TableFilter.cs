using System.Globalization;

namespace Attendance.Storage;

/// <summary>
/// Builds OData <c>$filter</c> expressions for <see cref="ITableClient.QueryAsync"/>. Every literal is escaped
/// (single quotes doubled inside string literals), so a value taken from a submission can never change the
/// shape of the expression. Property names are checked, not escaped: they come from code, never from input.
/// </summary>
public static class TableFilter
{
    /// <summary><c>property eq 'value'</c>.</summary>
    public static string Equal(string property, string value) => Compare(property, "eq", value);

    /// <summary><c>property eq 123L</c>.</summary>
    public static string Equal(string property, long value) => Compare(property, "eq", value);

    /// <summary><c>property ne 'value'</c>.</summary>
    public static string NotEqual(string property, string value) => Compare(property, "ne", value);

    /// <summary><c>property ge 'value'</c> (ordinal string order, as the service compares).</summary>
    public static string GreaterThanOrEqual(string property, string value) => Compare(property, "ge", value);

    /// <summary><c>property gt 'value'</c>.</summary>
    public static string GreaterThan(string property, string value) => Compare(property, "gt", value);

    /// <summary><c>property lt 'value'</c>.</summary>
    public static string LessThan(string property, string value) => Compare(property, "lt", value);

    /// <summary><c>property le 'value'</c>.</summary>
    public static string LessThanOrEqual(string property, string value) => Compare(property, "le", value);

    /// <summary><c>property ge 123L</c>.</summary>
    public static string GreaterThanOrEqual(string property, long value) => Compare(property, "ge", value);

    /// <summary><c>property gt 123L</c>.</summary>
    public static string GreaterThan(string property, long value) => Compare(property, "gt", value);

    /// <summary><c>property lt 123L</c>.</summary>
    public static string LessThan(string property, long value) => Compare(property, "lt", value);

    /// <summary><c>property le 123L</c>.</summary>
    public static string LessThanOrEqual(string property, long value) => Compare(property, "le", value);

    /// <summary>
    /// All keys that start with <paramref name="prefix"/>: <c>property ge 'prefix' and property lt 'prefiy'</c>.
    /// </summary>
    public static string StartsWith(string property, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        if (last == char.MaxValue)
        {
            throw new ArgumentException("The prefix cannot end with U+FFFF.", nameof(prefix));
        }

        var upper = string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(last + 1)).ToString());
        return And(GreaterThanOrEqual(property, prefix), LessThan(property, upper));
    }

    /// <summary>Joins expressions with <c>and</c>, each in parentheses so operator precedence cannot surprise.</summary>
    public static string And(params string[] expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        if (expressions.Length == 0)
        {
            throw new ArgumentException("At least one expression is needed.", nameof(expressions));
        }

        return expressions.Length == 1 ? expressions[0] : string.Join(" and ", expressions.Select(e => $"({e})"));
    }

    /// <summary>An OData string literal: the value in single quotes, each single quote inside doubled.</summary>
    internal static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string Compare(string property, string op, string value) => $"{Name(property)} {op} {Quote(value)}";

    private static string Compare(string property, string op, long value) =>
        $"{Name(property)} {op} {value.ToString(CultureInfo.InvariantCulture)}L";

    private static string Name(string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        // Table property names are C# identifiers; anything else here is a bug, not data to escape.
        if (!(char.IsAsciiLetter(property[0]) || property[0] == '_') || !property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{property}' is not a table property name.", nameof(property));
        }

        return property;
    }
}
