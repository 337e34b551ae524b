using System.Globalization;

namespace Attendance.Venue;

/// <summary>
/// Dates and times as Indonesian readers write them ("Senin, 5 Juni 2023", "08.15 WIB"). Spelled out here rather
/// than through the id-ID culture, which a host in invariant globalization mode does not have.
/// </summary>
public static class IndonesianDates
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>"5 Juni 2023".</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    /// <summary>"Senin, 5 Juni 2023".</summary>
    public static string DayAndDate(DateOnly date) => $"{Days[(int)date.DayOfWeek]}, {Date(date)}";

    /// <summary>"5–8 Juni 2023", "30 Mei – 2 Juni 2023", or one date for a one-day event.</summary>
    public static string Range(DateOnly start, DateOnly end) =>
        start == end ? Date(start)
        : start.Year == end.Year && start.Month == end.Month ? string.Create(CultureInfo.InvariantCulture, $"{start.Day}–{Date(end)}")
        : $"{Date(start)} – {Date(end)}";

    /// <summary>"08.15 WIB": the time in the event's zone, with the dot Indonesian style guides use.</summary>
    public static string Time(DateTimeOffset instant, IndonesianTimeZone zone) =>
        instant.ToOffset(zone.Offset).ToString("HH.mm", CultureInfo.InvariantCulture) + " " + zone.Abbreviation;
}
