namespace Attendance.Venue;

/// <summary>
/// What the venue page shows again after a post: every value as typed, an Indonesian message per field that was
/// refused, and a notice above the form.
/// </summary>
public sealed record FormState(IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Errors, string? Notice)
{
    public static FormState Empty { get; } = new(new Dictionary<string, string?>(), new Dictionary<string, string>(), null);

    public string? Value(string field) => Values.GetValueOrDefault(field);
}
