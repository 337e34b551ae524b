namespace Attendance.Core.Tests.Submissions;

/// <summary>Free text is trimmed and folded, and refused naming the field when it holds control characters, broken UTF-16 or too much (<see cref="TextRules"/>).</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("  Siti   Nur'aini ", "Siti Nur'aini")]
    [InlineData("Made\u00A0Wirawan", "Made Wirawan")]
    [InlineData("Ayu 😊", "Ayu 😊")]
    public void Text_is_trimmed_and_inner_space_folded(string given, string expected) =>
        Assert.Equal((expected, ""), CleanName(given));

    [Theory]
    [InlineData("Budi\nSantoso", "control characters")]
    [InlineData("Budi\u0000", "control characters")]
    [InlineData("Budi\u2028", "control characters")]
    [InlineData("   ", "is required")]
    public void Bad_text_is_refused_naming_the_field(string given, string reason)
    {
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("fullName", given, 200, required: true, errors));
        Assert.Contains(reason, Assert.Single(errors.ToDictionary()["fullName"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_UTF16_is_refused()
    {
        // Not a theory: xunit's data serialization would replace the lone surrogate before the test saw it.
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("fullName", "Budi" + '\uD800', 200, required: true, errors));
        Assert.Contains("unpaired surrogate", Assert.Single(errors.ToDictionary()["fullName"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_limit_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("position", new string('x', 101), 100, required: false, errors));
        Assert.Null(TextRules.Clean("fullName", new string('x', 70_000), 200, required: true, errors));
        Assert.Equal(["position", "fullName"], errors.ToDictionary().Keys);
    }

    /// <summary>What the rule keeps of a typed name and the fields it refused (empty when none), as one value.</summary>
    private static (string? Value, string RefusedFields) CleanName(string given)
    {
        var errors = new FieldErrors();
        var value = TextRules.Clean("fullName", given, 200, required: true, errors);
        return (value, string.Join(",", errors.ToDictionary().Keys));
    }
}
