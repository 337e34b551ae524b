using Attendance.Submissions;

namespace Attendance.Corrections;

/// <summary>
/// Who asks for a change and why: the name of the key the request came with (never its value) and the reason the
/// audit trail keeps. The reason is the organizer's words, kept as long as the event's records; it may not hold an
/// email address or a phone number.
/// </summary>
public sealed record ChangeRequest(string KeyName, string Reason)
{
    /// <summary>The body field that carries the reason (the query parameter for a void).</summary>
    public const string ReasonField = "reason";

    public const int MaxReasonLength = 500;

    /// <summary>The request, or null with the reason's error in <paramref name="errors"/>.</summary>
    public static ChangeRequest? From(string keyName, string? reason, FieldErrors errors)
    {
        var cleaned = TextRules.Clean(ReasonField, reason, MaxReasonLength, required: true, errors);
        ContactDetailsInText.Refuse(ReasonField, cleaned, errors);
        return errors.Has(ReasonField) || cleaned is null ? null : new ChangeRequest(keyName, cleaned);
    }
}
