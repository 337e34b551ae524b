using System.Globalization;
using Attendance.Submissions;

namespace Attendance.Organizer;

/// <summary>
/// The columns of the organizer's downloadable lists, in one place: the day's list (one row per sign-in) and the
/// whole event's recap (one row per participant, one column per day). Headers are Indonesian, as on the printed
/// sheets; a check-in time is written only where the submission carries one.
/// </summary>
public static class AttendanceTables
{
    /// <summary>What the phone and email cells say once the contact retention after the event ran out.</summary>
    public const string ClearedContact = "(dihapus: masa simpan habis)";

    public static ListTable Day(DayAttendance day)
    {
        var date = DateOnly.ParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        ListColumn[] columns =
        [
            new("No", ListCellKind.Number, 5),
            new("Nama", ListCellKind.Text, 30),
            new("Jenis kelamin", ListCellKind.Text, 13),
            new("Instansi", ListCellKind.Text, 34),
            new("Jenis perpustakaan", ListCellKind.Text, 26),
            new("Jabatan", ListCellKind.Text, 22),
            new("Kabupaten/Kota", ListCellKind.Text, 26),
            new("Provinsi", ListCellKind.Text, 18),
            new("Nomor HP", ListCellKind.Phone, 17),
            new("Email", ListCellKind.Text, 28),
            new("Tanggal", ListCellKind.Date, 12),
            new($"Jam hadir ({day.TimeZone})", ListCellKind.Time, 14),
            new("Kanal", ListCellKind.Text, 14),
            new("ID kiriman", ListCellKind.Code, 46),
        ];
        var rows = day.Attendees.Select(a => (IReadOnlyList<ListCell>)
        [
            ListCell.Of(a.Number),
            ListCell.Of(a.FullName),
            ListCell.Of(Attendee.Label(Vocabulary.Gender, a.Gender)),
            ListCell.Of(a.Institution),
            ListCell.Of(Attendee.Label(Vocabulary.InstitutionType, a.InstitutionType)),
            ListCell.Of(a.Position),
            ListCell.Of(a.Regency.Name),
            ListCell.Of(a.Province.Name),
            ListCell.Of(a.ContactsCleared ? ClearedContact : a.Phone),
            ListCell.Of(a.ContactsCleared ? ClearedContact : a.Email),
            ListCell.Of(date),
            ListCell.Of(a.CheckInAt is { } at ? TimeOnly.FromTimeSpan(at.TimeOfDay) : null),
            ListCell.Of(a.Channel),
            ListCell.Of(a.SubmissionId),
        ]).ToList();
        return new ListTable("Daftar hadir " + date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), columns, rows);
    }

    public static ListTable Whole(EventAttendanceSheet sheet)
    {
        ListColumn[] columns =
        [
            new("No", ListCellKind.Number, 5),
            new("Nama", ListCellKind.Text, 30),
            new("Instansi", ListCellKind.Text, 34),
            new("Kabupaten/Kota", ListCellKind.Text, 26),
            new("Provinsi", ListCellKind.Text, 18),
            new("Nomor HP", ListCellKind.Phone, 17),
            new("Email", ListCellKind.Text, 28),
            .. sheet.Days.Select(d => new ListColumn(d, ListCellKind.Text, 11)),
            new("Jumlah hari", ListCellKind.Number, 12),
            new("Hadir semua hari", ListCellKind.Text, 17),
        ];
        var rows = sheet.Participants.Select(p => (IReadOnlyList<ListCell>)
        [
            ListCell.Of(p.Number),
            ListCell.Of(p.FullName),
            ListCell.Of(p.Institution),
            ListCell.Of(p.Regency.Name),
            ListCell.Of(p.Province.Name),
            ListCell.Of(p.Phone),
            ListCell.Of(p.Email),
            .. sheet.Days.Select(d => ListCell.Of(p.DaysAttended.Contains(d) ? "hadir" : null)),
            ListCell.Of(p.DaysAttended.Count),
            ListCell.Of(p.AttendedEveryDay ? "ya" : "tidak"),
        ]).ToList();
        return new ListTable("Rekap kehadiran", columns, rows);
    }
}
