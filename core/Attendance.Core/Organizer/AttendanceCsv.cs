using System.Globalization;
using System.Text;
using Attendance.Submissions;

namespace Attendance.Organizer;

/// <summary>
/// The lists as CSV that Excel opens with Indonesian names intact: UTF-8 with a byte order mark (without it Excel
/// reads the file in the machine's ANSI code page), a header row, commas, CRLF, RFC 4180 quoting of every cell holding
/// <c>,</c> <c>;</c> a quote or a line break (so Excel splitting on <c>;</c>, as in Indonesian regional settings, keeps
/// such a cell whole where it starts one). Wherever a cell would start a formula (<c>= + - @</c>, tab, CR) under either
/// separator it gets an apostrophe, so a name typed on the public page cannot run in Excel.
/// </summary>
public static class AttendanceCsv
{
    /// <summary>What the phone and email cells say once the contact retention after the event ran out.</summary>
    public const string ClearedContact = "(dihapus: masa simpan habis)";

    public static byte[] Day(DayAttendance day)
    {
        var csv = new StringBuilder();
        Row(csv, "No", "Nama", "Jenis kelamin", "Instansi", "Jenis perpustakaan", "Jabatan", "Kabupaten/Kota", "Provinsi",
            "Nomor HP", "Email", $"Waktu hadir ({day.TimeZone})", "Kanal", "ID kiriman");
        foreach (var a in day.Attendees)
        {
            Row(csv, a.Number.ToString(CultureInfo.InvariantCulture), a.FullName, Attendee.Label(Vocabulary.Gender, a.Gender), a.Institution,
                Attendee.Label(Vocabulary.InstitutionType, a.InstitutionType), a.Position, a.Regency.Name, a.Province.Name,
                a.ContactsCleared ? ClearedContact : a.Phone, a.ContactsCleared ? ClearedContact : a.Email,
                a.CheckInAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), a.Channel, a.SubmissionId);
        }

        return Encode(csv);
    }

    public static byte[] Whole(EventAttendanceSheet sheet)
    {
        var csv = new StringBuilder();
        Row(csv, ["No", "Nama", "Instansi", "Kabupaten/Kota", "Provinsi", "Nomor HP", "Email", .. sheet.Days, "Jumlah hari", "Hadir semua hari"]);
        foreach (var p in sheet.Participants)
        {
            Row(csv, [
                p.Number.ToString(CultureInfo.InvariantCulture), p.FullName, p.Institution, p.Regency.Name, p.Province.Name, p.Phone, p.Email,
                .. sheet.Days.Select(d => p.DaysAttended.Contains(d) ? "hadir" : string.Empty),
                p.DaysAttended.Count.ToString(CultureInfo.InvariantCulture), p.AttendedEveryDay ? "ya" : "tidak",
            ]);
        }

        return Encode(csv);
    }

    private static byte[] Encode(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            Cell(csv, cells[i] ?? string.Empty);
        }

        csv.Append("\r\n");
    }

    private static void Cell(StringBuilder csv, string value)
    {
        value = Neutralize(value);
        if (value.AsSpan().IndexOfAny(",;\"\r\n") < 0)
        {
            csv.Append(value);
            return;
        }

        csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>
    /// An apostrophe before a formula prefix wherever a cell can begin: at the start of the value, and after each
    /// <c>;</c> in it. Excel where the list separator is <c>;</c> (id-ID) splits every line on <c>;</c> and honours
    /// quotes only at the start of a field, so there a cell also begins after a <c>;</c> inside a quoted value.
    /// Spaces and quotes before the prefix are looked through: Excel drops them before reading a formula.
    /// </summary>
    private static string Neutralize(string value)
    {
        StringBuilder? text = null;
        for (var i = 0; i < value.Length; i++)
        {
            if ((i == 0 || value[i - 1] == ';') && StartsFormula(value, i))
            {
                text ??= new StringBuilder(value.Length + 4).Append(value, 0, i);
                text.Append('\'');
            }

            text?.Append(value[i]);
        }

        return text?.ToString() ?? value;
    }

    private static bool StartsFormula(string value, int start)
    {
        var i = start;
        while (i < value.Length && value[i] is ' ' or '"')
        {
            i++;
        }

        return i < value.Length && value[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
