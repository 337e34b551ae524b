namespace Attendance.Api;

/// <summary>
/// The ids the store gives submissions, as a route carries them: the client's id within its source
/// (<c>kobo:uuid:…</c>) or the store's own. Checked before any lookup so a malformed one is a 400, not a miss.
/// </summary>
public static class StoredIds
{
    public const int MaxLength = 200;

    public const string Rule = "must be the submissionId the store answered with: 1 to 200 letters, digits, '.', '_', '-' or ':'.";

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');
}
