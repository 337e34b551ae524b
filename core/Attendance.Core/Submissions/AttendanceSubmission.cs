using Attendance.Regions;

namespace Attendance.Submissions;

/// <summary>
/// One attendance that passed validation: normalized text, official region codes, and the participant's identity.
/// <see cref="SubmissionId"/> is the client's idempotency key when it sent one.
/// </summary>
public sealed record AttendanceSubmission
{
    public required string EventId { get; init; }

    public required DateOnly SessionDate { get; init; }

    public required string FullName { get; init; }

    public required Region Province { get; init; }

    public required Region Regency { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Gender { get; init; }

    public string? Institution { get; init; }

    public string? InstitutionType { get; init; }

    public string? Position { get; init; }

    public DateTimeOffset? CheckInAt { get; init; }

    public string? SubmissionId { get; init; }

    public string? Source { get; init; }

    public ParticipantIdentity Identity => ParticipantIdentity.From(Email, Phone, FullName, Regency.Code);
}
