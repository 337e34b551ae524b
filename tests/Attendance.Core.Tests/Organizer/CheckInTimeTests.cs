using System.Text;
using Attendance.Api;
using Attendance.Organizer;
using Microsoft.Extensions.Primitives;

namespace Attendance.Core.Tests.Organizer;

/// <summary>
/// A list shows the check-in time a sign-in carries and nothing else: a row typed in from a paper sheet without
/// <c>checkInAt</c> has an empty "Jam hadir" on the daftar hadir and an empty time in the CSV, never the moment it
/// was typed.
/// </summary>
public sealed class CheckInTimeTests
{
    private static readonly IndonesianTimeZone Wib = IndonesianTimeZone.Of(RegionDirectory.Official.ResolveProvince("Lampung").Region);

    /// <summary>Typed in at 20.39 WIB, the evening after the session.</summary>
    private static readonly DateTimeOffset TypedAt = new(2023, 6, 6, 13, 39, 0, TimeSpan.Zero);

    [Fact]
    public void A_sign_in_with_a_check_in_time_keeps_it_at_the_events_clock()
    {
        var attendee = Attendee.From(1, Stored("2023-06-06T08:05:00+07:00"), Wib);

        Assert.Equal(new DateTimeOffset(2023, 6, 6, 8, 5, 0, TimeSpan.FromHours(7)), attendee.CheckInAt);
        Assert.Equal(TimeSpan.FromHours(7), attendee.CheckInAt!.Value.Offset);
        Assert.Equal(TypedAt, attendee.ReceivedAt);
    }

    [Fact]
    public void A_row_typed_from_paper_has_no_check_in_time_but_keeps_when_it_was_received()
    {
        var attendee = Attendee.From(1, Stored(checkInAt: null), Wib);

        Assert.Null(attendee.CheckInAt);
        Assert.Equal(TypedAt, attendee.ReceivedAt);
        Assert.Equal(TimeSpan.FromHours(7), attendee.ReceivedAt.Offset);
    }

    [Fact]
    public void The_daftar_hadir_shows_an_empty_time_for_a_row_typed_from_paper()
    {
        var page = AttendanceSheetPage.Day(List(Attendee.From(1, Stored("2023-06-06T08:05:00+07:00"), Wib), Attendee.From(2, Stored(null), Wib)), new DateOnly(2023, 6, 6));

        Assert.Contains("<td class=\"time\">08.05</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"time\"></td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("20.39", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_leaves_the_time_of_a_row_typed_from_paper_empty()
    {
        var csv = Encoding.UTF8.GetString(AttendanceCsv.Day(List(Attendee.From(1, Stored("2023-06-06T08:05:00+07:00"), Wib), Attendee.From(2, Stored(null), Wib))));

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(",2023-06-06,08:05,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2023-06-06,,api,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("20:39", csv, StringComparison.Ordinal);
    }

    private static DayAttendance List(params Attendee[] attendees) =>
        new("bimtek-lampung", "Bimtek SPP-TIK Lampung", "Swiss-Belhotel Bandar Lampung", "2023-06-06", "WIB", attendees.Length, attendees);

    private static StoredSubmission Stored(string? checkInAt)
    {
        var values = new Dictionary<string, StringValues>
        {
            [SubmissionFields.EventId] = "bimtek-lampung",
            [SubmissionFields.SessionDate] = "2023-06-06",
            [SubmissionFields.FullName] = "Siti Nurhaliza",
            [SubmissionFields.Province] = "Lampung",
            [SubmissionFields.Regency] = "Kabupaten Pesawaran",
        };
        if (checkInAt is not null)
        {
            values[SubmissionFields.CheckInAt] = checkInAt;
        }

        var fields = SubmissionFields.FromForm(values);
        var submission = new SubmissionValidator(RegionDirectory.Official).Validate(fields)
            ?? throw new InvalidOperationException("The sign-in is refused: " + string.Join("; ", fields.Errors.ToDictionary().Keys));
        return new StoredSubmission(1, "paper:1", TypedAt, submission);
    }
}
