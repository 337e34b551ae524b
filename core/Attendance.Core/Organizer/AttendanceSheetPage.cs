using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Attendance.Venue;

namespace Attendance.Organizer;

/// <summary>
/// The printable lists: the daftar hadir of one day (numbered rows, a signature column whose numbers alternate left
/// and right as on a paper sheet, for the SPJ accountability report) and the recap of the whole event. A4, the
/// header row repeated on every page, no row split across pages, the recap's totals once, after its last row. A row
/// without a check-in time (typed in from paper) has an empty "Jam hadir": the sheet never shows when it was typed.
/// </summary>
public static class AttendanceSheetPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Day(DayAttendance day, DateOnly date)
    {
        var page = Start("Daftar hadir " + day.EventName + " " + IndonesianDates.Date(date));
        page.Append("<h1>Daftar Hadir</h1><p class=\"sub\">").Append(Html.Encode(day.EventName)).Append("</p>");
        Info(page, day.EventName, day.Venue, ("Hari/Tanggal", IndonesianDates.DayAndDate(date)));
        page.Append("<table class=\"list\"><thead><tr><th class=\"num\">No</th><th>Nama</th><th>Instansi</th><th>Kabupaten/Kota</th>")
            .Append("<th class=\"time\">Jam hadir (").Append(day.TimeZone).Append(")</th><th class=\"sig\">Tanda tangan</th></tr></thead><tbody>");
        foreach (var a in day.Attendees)
        {
            var number = a.Number.ToString(CultureInfo.InvariantCulture);
            page.Append("<tr><td class=\"num\">").Append(number).Append("</td><td>").Append(Html.Encode(a.FullName))
                .Append("</td><td>").Append(Html.Encode(a.Institution ?? string.Empty)).Append("</td><td>").Append(Html.Encode(a.Regency.Name))
                .Append("</td><td class=\"time\">").Append(a.CheckInAt?.ToString("HH.mm", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"sig\"><span>").Append(number).Append(".</span></td></tr>");
        }

        page.Append("</tbody></table><p class=\"total\">Jumlah peserta hadir: ").Append(day.Count.ToString(CultureInfo.InvariantCulture)).Append(" orang.</p>");
        return End(page);
    }

    public static string Whole(EventAttendanceSheet sheet, DateOnly start, DateOnly end)
    {
        var page = Start("Rekapitulasi kehadiran " + sheet.EventName);
        page.Append("<h1>Rekapitulasi Kehadiran</h1><p class=\"sub\">").Append(Html.Encode(sheet.EventName)).Append("</p>");
        Info(page, sheet.EventName, sheet.Venue, ("Tanggal", IndonesianDates.Range(start, end)),
            ("Hadir semua hari", $"{sheet.AttendedEveryDay.Count} dari {sheet.Participants.Count} peserta"));
        page.Append("<table class=\"list\"><thead><tr><th class=\"num\">No</th><th>Nama</th><th>Instansi</th><th>Kabupaten/Kota</th>");
        for (var i = 0; i < sheet.Days.Count; i++)
        {
            var date = DateOnly.ParseExact(sheet.Days[i], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            page.Append("<th class=\"day\" title=\"").Append(IndonesianDates.DayAndDate(date)).Append("\">Hari ").Append(i + 1)
                .Append("<br>").Append(date.Day.ToString(CultureInfo.InvariantCulture)).Append('/').Append(date.Month.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }

        page.Append("<th class=\"day\">Jumlah</th><th class=\"day\">Semua hari</th></tr></thead><tbody>");
        foreach (var p in sheet.Participants)
        {
            page.Append("<tr><td class=\"num\">").Append(p.Number.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Html.Encode(p.FullName))
                .Append("</td><td>").Append(Html.Encode(p.Institution ?? string.Empty)).Append("</td><td>").Append(Html.Encode(p.Regency.Name)).Append("</td>");
            foreach (var day in sheet.Days)
            {
                page.Append("<td class=\"day\">").Append(p.DaysAttended.Contains(day) ? "✓" : string.Empty).Append("</td>");
            }

            page.Append("<td class=\"day\">").Append(p.DaysAttended.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"day\">")
                .Append(p.AttendedEveryDay ? "Ya" : "Tidak").Append("</td></tr>");
        }

        // The totals are the last rows of the table, not a <tfoot>: a printed footer group repeats on every page.
        page.Append("</tbody><tbody class=\"totals\"><tr><th colspan=\"4\">Jumlah hadir per hari</th>");
        foreach (var day in sheet.Days)
        {
            page.Append("<th class=\"day\">").Append(sheet.ByDay[day].ToString(CultureInfo.InvariantCulture)).Append("</th>");
        }

        page.Append("<th></th><th class=\"day\">").Append(sheet.AttendedEveryDay.Count.ToString(CultureInfo.InvariantCulture)).Append("</th></tr></tbody></table>");
        return End(page);
    }

    private static StringBuilder Start(string title) =>
        new StringBuilder(32_768).Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>").Append(Html.Encode(title)).Append("</title>")
            .Append("<style>").Append(PageAssets.PrintStyles).Append("</style></head><body><main class=\"sheet\">");

    private static void Info(StringBuilder page, string eventName, string? venue, params (string Label, string Value)[] more)
    {
        page.Append("<table class=\"info\"><tr><th>Kegiatan</th><td>: ").Append(Html.Encode(eventName)).Append("</td></tr>");
        if (!string.IsNullOrWhiteSpace(venue))
        {
            page.Append("<tr><th>Tempat</th><td>: ").Append(Html.Encode(venue)).Append("</td></tr>");
        }

        foreach (var (label, value) in more)
        {
            page.Append("<tr><th>").Append(Html.Encode(label)).Append("</th><td>: ").Append(Html.Encode(value)).Append("</td></tr>");
        }

        page.Append("</table>");
    }

    private static string End(StringBuilder page) =>
        page.Append("<div class=\"signoff\"><p>Panitia penyelenggara,</p><div class=\"space\"></div><p>(................................................)</p></div>")
            .Append("</main></body></html>").ToString();
}
