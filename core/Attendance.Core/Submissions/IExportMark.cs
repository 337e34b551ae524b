namespace Attendance.Submissions;

/// <summary>
/// How far an event's submissions have been exported: the highest sequence number the analytics already hold. The
/// store numbers above it when the event's counter is gone, so a numbering that restarts can never hide behind
/// the export's mark (<see cref="SubmissionStore"/>).
/// </summary>
public interface IExportMark
{
    /// <summary>The highest sequence of <paramref name="eventId"/> already exported; 0 when none was.</summary>
    Task<long> GetAsync(string eventId, CancellationToken cancellationToken = default);
}
