using Xunit;

namespace Attendance.Storage;

public sealed class TableFilterTests
{
    [Fact]
    public void String_equality_quotes_the_value()
    {
        Assert.Equal("PartitionKey eq 'event-1'", TableFilter.Equal("PartitionKey", "event-1"));
    }

    [Fact]
    public void An_injection_attempt_stays_inside_one_string_literal()
    {
        var filter = TableFilter.Equal("PartitionKey", "x' or PartitionKey ne '");

        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne '''", filter);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("a' or 'a' eq 'a")]
    [InlineData("') or (RowKey ne '")]
    public void Any_value_becomes_exactly_one_literal_that_unquotes_to_itself(string value)
    {
        var filter = TableFilter.Equal("RowKey", value);
        var literal = filter["RowKey eq ".Length..];

        Assert.StartsWith("'", literal, StringComparison.Ordinal);
        Assert.EndsWith("'", literal, StringComparison.Ordinal);
        var inner = literal[1..^1];
        // Inside a literal every quote is doubled; an undoubled one would end it early.
        Assert.DoesNotContain('\'', inner.Replace("''", string.Empty, StringComparison.Ordinal));
        Assert.Equal(value, inner.Replace("''", "'", StringComparison.Ordinal));
    }

    [Fact]
    public void Ranges_on_strings_and_int64_use_the_odata_operators_and_the_L_suffix()
    {
        Assert.Equal("RowKey ge 'a'", TableFilter.GreaterThanOrEqual("RowKey", "a"));
        Assert.Equal("RowKey gt 'a'", TableFilter.GreaterThan("RowKey", "a"));
        Assert.Equal("RowKey lt 'a'", TableFilter.LessThan("RowKey", "a"));
        Assert.Equal("RowKey le 'a'", TableFilter.LessThanOrEqual("RowKey", "a"));
        Assert.Equal("Sequence ge -5L", TableFilter.GreaterThanOrEqual("Sequence", -5L));
        Assert.Equal("Sequence gt 9007199254740993L", TableFilter.GreaterThan("Sequence", 9_007_199_254_740_993L));
        Assert.Equal("Sequence lt 0L", TableFilter.LessThan("Sequence", 0L));
        Assert.Equal("Sequence le 1L", TableFilter.LessThanOrEqual("Sequence", 1L));
        Assert.Equal("Sequence eq 7L", TableFilter.Equal("Sequence", 7L));
        Assert.Equal("Name ne 'x'", TableFilter.NotEqual("Name", "x"));
    }

    [Fact]
    public void And_parenthesises_each_part()
    {
        Assert.Equal(
            "(PartitionKey eq 'p') and (RowKey ge 'a') and (RowKey lt 'b')",
            TableFilter.And(TableFilter.Equal("PartitionKey", "p"), TableFilter.GreaterThanOrEqual("RowKey", "a"), TableFilter.LessThan("RowKey", "b")));
        Assert.Equal("RowKey ge 'a'", TableFilter.And(TableFilter.GreaterThanOrEqual("RowKey", "a")));
    }

    [Fact]
    public void StartsWith_is_a_half_open_range_up_to_the_next_string()
    {
        Assert.Equal("(RowKey ge '2026-11-') and (RowKey lt '2026-11.')", TableFilter.StartsWith("RowKey", "2026-11-"));
    }

    [Theory]
    [InlineData("PartitionKey eq 'x' or true")]
    [InlineData("Name'")]
    [InlineData("")]
    [InlineData("1abc")]
    public void Property_names_that_are_not_identifiers_are_refused(string property)
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Equal(property, "v"));
    }
}
