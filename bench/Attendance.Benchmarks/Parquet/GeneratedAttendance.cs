namespace Attendance.Benchmarks.Parquet;

/// <summary>One generated attendance, in the generator's own shape; reused by the generator so generation stays streaming.</summary>
internal sealed class GeneratedAttendance
{
    public string SubmissionId { get; set; } = "";
    public string EventId { get; set; } = "";
    public DateOnly SessionDate { get; set; }
    public string ParticipantKey { get; set; } = "";
    public string? FullName { get; set; }
    public string? Gender { get; set; }
    public string? Institution { get; set; }
    public string? InstitutionType { get; set; }
    public string? Position { get; set; }
    public Region Region { get; set; } = null!;
    public DateTimeOffset? CheckInAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Source { get; set; }
}
