namespace Attendance.Core.Tests.Submissions;

/// <summary>Phone numbers and emails written differently are stored as one, and implausible ones are refused (<see cref="ContactRules"/>).</summary>
public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("62812 3456 7890", "6281234567890")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("(0721) 123456", "62721123456")]
    [InlineData("+1 415 555 0100", "14155550100")]
    public void Phone_numbers_written_differently_are_one_number(string given, string expected) =>
        Assert.Equal((expected, ""), Normalized(ContactRules.NormalizePhone, given));

    [Theory]
    [InlineData("12345")]
    [InlineData("0812abc")]
    [InlineData("1234567890")]
    [InlineData("+62 812 3456 7890 1234 5")]
    public void Implausible_phone_numbers_are_refused(string given) =>
        Assert.Equal(((string?)null, "phone"), Normalized(ContactRules.NormalizePhone, given));

    [Theory]
    [InlineData(" Siti.Aminah@Perpusnas.GO.ID ", "siti.aminah@perpusnas.go.id")]
    [InlineData("a+b@mail.co.id", "a+b@mail.co.id")]
    public void Emails_are_lower_cased(string given, string expected) =>
        Assert.Equal((expected, ""), Normalized(ContactRules.NormalizeEmail, given));

    [Theory]
    [InlineData("siti@")]
    [InlineData("siti@localhost")]
    [InlineData("siti aminah@mail.com")]
    [InlineData("@mail.com")]
    [InlineData("siti@@mail.com")]
    [InlineData("siti@mail..com")]
    public void Invalid_emails_are_refused(string given) =>
        Assert.Equal(((string?)null, "email"), Normalized(ContactRules.NormalizeEmail, given));

    /// <summary>What a rule stored and the fields it refused (comma-separated, empty when none), as one value.</summary>
    private static (string? Value, string RefusedFields) Normalized(Func<string, FieldErrors, string?> normalize, string given)
    {
        var errors = new FieldErrors();
        var value = normalize(given, errors);
        return (value, string.Join(",", errors.ToDictionary().Keys));
    }
}
