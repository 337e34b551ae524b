using Attendance.Api;
using Attendance.Organizer;
using Microsoft.Extensions.Primitives;

namespace Attendance.Core.Tests.Organizer;

/// <summary>
/// The printable daftar hadir and the recap show what participants typed on the public page (name, institution) and
/// what the organizer registered (the event's name, the venue). Hostile text in any of them stays text: the sheet has
/// the markup it has with plain text there, and shows the hostile text as typed.
/// </summary>
public sealed class AttendanceSheetPageHostileTextTests
{
    private const string Plain = "Siti Nurhaliza";

    private static readonly DateOnly Day = new(2023, 6, 6);

    private static readonly RegionView Pesawaran = new("18.09", "Kabupaten Pesawaran");

    private static readonly RegionView LampungProvince = new("18", "Lampung");

    /// <summary>One sign-in as the organizer's list holds it, made as the product makes it from a stored submission.</summary>
    private static readonly Attendee Signed = Attendee.From(1, Stored(), IndonesianTimeZone.Of(RegionDirectory.Official.ResolveProvince("Lampung").Region));

    public static TheoryData<string, string> TextAndField =>
        new(from text in HostileText.All from place in new[] { "fullName", "institution", "eventName", "venue" } select (text, place));

    [Theory]
    [MemberData(nameof(TextAndField))]
    public void The_days_list_shows_hostile_text_as_typed(string hostile, string field)
    {
        var plain = AttendanceSheetPage.Day(DayList(field, Plain), Day);
        var page = AttendanceSheetPage.Day(DayList(field, hostile), Day);

        Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
        Assert.Contains(hostile, HostileTextMarkup.Text(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TextAndField))]
    public void The_recap_shows_hostile_text_as_typed(string hostile, string field)
    {
        var plain = AttendanceSheetPage.Whole(Recap(field, Plain), Day, Day.AddDays(1));
        var page = AttendanceSheetPage.Whole(Recap(field, hostile), Day, Day.AddDays(1));

        Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
        Assert.Contains(hostile, HostileTextMarkup.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_attendees_name_stands_in_its_own_cell()
    {
        var list = DayList("fullName", Plain);
        list = list with { Attendees = [.. HostileText.All.Select((name, i) => list.Attendees[0] with { Number = i + 1, FullName = name })] };

        var page = HostileTextMarkup.Text(AttendanceSheetPage.Day(list, Day));

        Assert.All(HostileText.All, (name, i) => Assert.Contains($"<td class=\"num\">{i + 1}</td><td>{name}</td>", page, StringComparison.Ordinal));
    }

    private static DayAttendance DayList(string field, string text)
    {
        var attendee = Signed with
        {
            FullName = field == "fullName" ? text : Plain,
            Institution = field == "institution" ? text : "Perpustakaan Desa Sukamaju",
        };
        return new DayAttendance(
            "bimtek-lampung", field == "eventName" ? text : "Bimtek SPP-TIK Lampung", field == "venue" ? text : "Swiss-Belhotel Bandar Lampung",
            "2023-06-06", "WIB", 1, [attendee]);
    }

    private static StoredSubmission Stored()
    {
        var fields = SubmissionFields.FromForm(new Dictionary<string, StringValues>
        {
            [SubmissionFields.EventId] = "bimtek-lampung",
            [SubmissionFields.SessionDate] = "2023-06-06",
            [SubmissionFields.FullName] = Plain,
            [SubmissionFields.Institution] = "Perpustakaan Desa Sukamaju",
            [SubmissionFields.Province] = "Lampung",
            [SubmissionFields.Regency] = "Kabupaten Pesawaran",
        });
        var submission = new SubmissionValidator(RegionDirectory.Official).Validate(fields)
            ?? throw new InvalidOperationException("The plain sign-in is refused: " + string.Join("; ", fields.Errors.ToDictionary().Keys));
        return new StoredSubmission(1, "venue-form:0123456789abcdef0123456789abcdef", new DateTimeOffset(2023, 6, 6, 2, 0, 0, TimeSpan.Zero), submission);
    }

    private static EventAttendanceSheet Recap(string field, string text)
    {
        string[] days = ["2023-06-06", "2023-06-07"];
        var participant = new ParticipantDays(
            1, field == "fullName" ? text : Plain, field == "institution" ? text : "Perpustakaan Desa Sukamaju", Pesawaran, LampungProvince,
            null, null, days, AttendedEveryDay: true);
        return new EventAttendanceSheet(
            "bimtek-lampung", field == "eventName" ? text : "Bimtek SPP-TIK Lampung", field == "venue" ? text : "Swiss-Belhotel Bandar Lampung",
            days, days.ToDictionary(d => d, _ => 1), [participant], [participant.FullName]);
    }
}
