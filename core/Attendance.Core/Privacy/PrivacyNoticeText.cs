using System.Globalization;

namespace Attendance.Privacy;

/// <summary>
/// The words of the privacy notice, in one place: the short notice beside every form's send button (the venue page,
/// and the same text in the sample XLSForm and the Microsoft Forms description of docs/forms.md) and the facts the
/// full notice repeats. Pure: the event's name, the retention and the contact in, Indonesian text out.
/// </summary>
public static class PrivacyNoticeText
{
    /// <summary>Who collects, when no event is named (the notice page opened without the form's link).</summary>
    public const string AnyOrganizer = "panitia kegiatan";

    /// <summary>Whom to ask, when neither the event nor the setting <c>Privacy:Contact</c> names anyone.</summary>
    public const string AskTheOrganizers = "hubungi panitia kegiatan";

    /// <summary>The short notice: who collects and why, what the analytics keep, how long contacts stay, whom to ask.</summary>
    public static string Short(string? eventName, TimeSpan contactRetention, string? contact) =>
        $"Data ini dikumpulkan oleh {Collector(eventName)} untuk daftar hadir, sertifikat, dan laporan pelatihan. "
        + "Data analisis tidak memuat nomor HP dan email; peserta hanya diwakili kode samaran. "
        + $"Nomor HP dan email dihapus {Retention(contactRetention)} setelah hari terakhir kegiatan. "
        + $"Pertanyaan atau permintaan tentang data Anda: {Ask(contact)}.";

    /// <summary>"panitia <i>event</i>", or any organizer when no event is named.</summary>
    public static string Collector(string? eventName) =>
        string.IsNullOrWhiteSpace(eventName) ? AnyOrganizer : "panitia " + eventName.Trim();

    /// <summary>The retention in whole days, rounded up ("180 hari"): a participant reads days, not a TimeSpan.</summary>
    public static string Retention(TimeSpan contactRetention) =>
        ((long)Math.Ceiling(contactRetention.TotalDays)).ToString("N0", Indonesian) + " hari";

    /// <summary>The contact to name, or the advice to ask the organizers when there is none.</summary>
    public static string Ask(string? contact) =>
        string.IsNullOrWhiteSpace(contact) ? AskTheOrganizers : "hubungi " + contact.Trim();

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
}
