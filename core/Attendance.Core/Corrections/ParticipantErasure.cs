using Attendance.Submissions;
using Microsoft.Extensions.Logging;

namespace Attendance.Corrections;

/// <summary>
/// Erases a person (UU 27/2022): every live attendance that matches the <see cref="PersonQuery"/>, in every event,
/// becomes a tombstone through the same change as a void (kind <see cref="AttendanceChangeKind.Erasure"/>), one
/// transaction per attendance with its audit entry (found by <see cref="PersonRecords"/>). Run again, it finds nothing:
/// tombstones hold no contact or name.
/// </summary>
public sealed partial class ParticipantErasure(PersonRecords records, ChangeLog log, ILogger<ParticipantErasure> logger)
{
    /// <summary>With <paramref name="preview"/>, only says what would go; otherwise erases it and says what went.</summary>
    public async Task<ErasureResult> EraseAsync(PersonQuery person, ChangeRequest request, bool preview, CancellationToken cancellationToken = default)
    {
        var found = (await records.FindAsync(person, cancellationToken))
            .Select(r => (r.EventId, new ErasedAttendance(r.Stored.SubmissionId, r.Stored.Submission.SessionDate)))
            .ToList();
        if (preview)
        {
            return new ErasureResult(true, Group(found));
        }

        var erased = new List<(string EventId, ErasedAttendance Attendance)>();
        foreach (var (eventId, attendance) in found)
        {
            var outcome = await log.ApplyAsync(
                eventId, attendance.SubmissionId, request, rows => AttendanceChanges.PlanWithdrawal(rows, AttendanceChangeKind.Erasure), cancellationToken);
            if (outcome.Change is { } change)
            {
                erased.Add((eventId, attendance with { Change = change.Number }));
            }
        }

        var result = new ErasureResult(false, Group(erased));
        LogErased(logger, result.Attendances, result.Events.Count, request.KeyName);
        return result;
    }

    private static List<ErasureEvent> Group(IEnumerable<(string EventId, ErasedAttendance Attendance)> attendances) =>
    [
        .. attendances.GroupBy(a => a.EventId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ErasureEvent(g.Key, [.. g.Select(a => a.Attendance).OrderBy(a => a.SessionDate)])),
    ];

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Erasure of a person: {Attendances} attendances in {Events} events made tombstones, by key {KeyName}")]
    private static partial void LogErased(ILogger logger, int attendances, int events, string keyName);
}
