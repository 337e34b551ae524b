namespace Attendance.Core.Tests.Submissions;

public sealed class SubmissionRowsTests
{
    [Fact]
    public void An_attendance_key_parses_back_into_its_date_and_participant()
    {
        var identity = ParticipantIdentity.From("siti@example.org", null, "Siti Nur'aini", "18.71");
        var key = SubmissionRows.AttendanceKey(new DateOnly(2026, 3, 14), identity);

        Assert.Equal(("2026-03-14", identity.StorageKey), SubmissionRows.ParseAttendance(key));
    }

    [Fact]
    public void A_sequence_key_parses_back_into_its_number()
    {
        Assert.Equal(42, SubmissionRows.ParseSequence(SubmissionRows.SequenceKey(42)));
    }

    [Fact]
    public void Each_range_holds_its_own_kind_of_row_and_no_other()
    {
        var identity = ParticipantIdentity.From(null, "+6281234567890", "Budi", "18.71");
        string[] attendance = [SubmissionRows.AttendanceKey(new DateOnly(2026, 1, 1), identity)];
        string[] sequences = [SubmissionRows.SequenceKey(1), SubmissionRows.SequenceKey(999_999_999_999)];
        string[] others = [SubmissionRows.CounterKey, SubmissionRows.IdKey("form:17"), .. attendance, .. sequences];

        Assert.Equal(attendance, others.Where(k => In(SubmissionRows.AttendanceRange, k)));
        Assert.Equal(sequences, others.Where(k => In(SubmissionRows.SequenceRange, k)));
    }

    private static bool In(RowKeyRange range, string key) =>
        string.CompareOrdinal(key, range.From) >= 0 && string.CompareOrdinal(key, range.Until) < 0;
}
