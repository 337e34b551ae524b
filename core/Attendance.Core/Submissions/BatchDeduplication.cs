namespace Attendance.Submissions;

/// <summary>
/// Finds the submissions of one batch that repeat an earlier one of the same batch, before the store is asked: the
/// store's keys cannot tell two rows of one transaction apart, and a batch must not fail for a double tap in it.
/// Repeats of what is already stored are the store's to find.
/// </summary>
public static class BatchDeduplication
{
    /// <summary>
    /// Plans a batch: a submission with the same attendance (event, person, day) as an earlier one, or with the same
    /// client id at the same event for that attendance, repeats it; one whose client id an earlier one took for
    /// another attendance is a conflict (that one keeps the id). Keys are compared per event, as the store's partitions
    /// do: the same id or person at two events is no repeat.
    /// </summary>
    public static BatchPlan Plan(IReadOnlyList<AttendanceSubmission> submissions)
    {
        var toStore = new List<int>();
        var repeats = new List<BatchRepeat>();
        var conflicts = new List<int>();
        var firstByAttendance = new Dictionary<(string EventId, string AttendanceKey), int>();
        var firstById = new Dictionary<(string EventId, string SubmissionId), (int Index, string AttendanceKey)>();
        for (var index = 0; index < submissions.Count; index++)
        {
            var submission = submissions[index];
            var attendanceKey = SubmissionRows.AttendanceKey(submission.SessionDate, submission.Identity);

            // Only a client's id can repeat: an id the store makes up is new each time.
            (string, string)? id = submission.SubmissionId is { } clientId
                ? (submission.EventId, SubmissionRows.ScopedId(submission.Source, clientId))
                : null;
            if (id is { } sameIdKey && firstById.TryGetValue(sameIdKey, out var sameId))
            {
                // The same id for the same attendance is a retry; for another one it is refused, as the store refuses
                // an id it holds for another attendance.
                if (sameId.AttendanceKey == attendanceKey)
                {
                    repeats.Add(new BatchRepeat(index, sameId.Index));
                }
                else
                {
                    conflicts.Add(index);
                }

                continue;
            }

            if (firstByAttendance.TryGetValue((submission.EventId, attendanceKey), out var original))
            {
                repeats.Add(new BatchRepeat(index, original));
                continue;
            }

            firstByAttendance[(submission.EventId, attendanceKey)] = index;
            if (id is { } newId)
            {
                firstById[newId] = (index, attendanceKey);
            }

            toStore.Add(index);
        }

        return new BatchPlan(toStore, repeats, conflicts);
    }
}
