using System.Text;
using System.Text.Encodings.Web;
using Attendance.Events;
using Attendance.Privacy;

namespace Attendance.Venue;

/// <summary>
/// The full privacy notice the venue form links to (<c>GET /api/events/{eventId}/privacy</c>): Indonesian, one
/// column for a 360 px phone, no script. With the form's token it names the event and its contact; without it
/// (or with a wrong one) the same notice names no event, so the page never tells which events exist.
/// What it says is docs/privacy.md's, for a participant.
/// </summary>
public static class PrivacyPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(TrainingEvent? e, PrivacyNotice notice)
    {
        var collector = PrivacyNoticeText.Collector(e?.Name);
        var retention = PrivacyNoticeText.Retention(notice.ContactRetention);
        var page = new StringBuilder(8192);
        Layout.Head(page, e is null ? "Pemberitahuan privasi" : "Pemberitahuan privasi: " + e.Name);
        page.Append("<main id=\"main\" class=\"full-notice\"><header><p class=\"eyebrow\">Pemberitahuan privasi</p><h1>")
            .Append(Html.Encode(e?.Name ?? "Daftar hadir kegiatan")).Append("</h1></header>");

        Section(page, "Ringkasan", notice.ShortFor(e));

        Section(page, "Siapa yang mengumpulkan data Anda",
            $"Data Anda dikumpulkan dan dikelola oleh {collector}, penyelenggara kegiatan, sebagai pengendali data pribadi menurut "
            + "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.");

        page.Append("<h2>Data yang dikumpulkan</h2><ul>")
            .Append("<li>nama lengkap dan jenis kelamin;</li>")
            .Append("<li>nomor HP dan email (tidak wajib diisi);</li>")
            .Append("<li>instansi, jenis perpustakaan, dan jabatan;</li>")
            .Append("<li>provinsi dan kabupaten/kota asal;</li>")
            .Append("<li>hari dan jam kehadiran Anda.</li></ul>");

        Section(page, "Untuk apa data digunakan",
            "Untuk mencatat kehadiran pada setiap hari kegiatan, menerbitkan sertifikat, menyusun laporan pelatihan dan "
            + "laporan pertanggungjawaban (SPJ) kegiatan, serta menghubungi Anda tentang sertifikat dan kegiatan ini. "
            + "Dasar pemrosesannya adalah pelaksanaan tugas penyelenggara kegiatan dan kewajiban pertanggungjawaban kegiatan. "
            + "Data Anda tidak dijual, tidak dipakai untuk promosi, dan tidak dipakai untuk keputusan otomatis tentang Anda.");

        Section(page, "Data untuk analisis",
            "Statistik kegiatan (jumlah peserta per daerah, per jenis perpustakaan, per hari) dihitung dari salinan data yang "
            + "tidak memuat nomor HP dan email"
            + (notice.AnalyticsCarryNames ? "" : " maupun nama")
            + ". Setiap peserta diwakili kode samaran (pseudonim) yang dihitung dengan kunci rahasia, agar kehadiran orang yang "
            + "sama dapat dihitung tanpa menyimpan kontaknya.");

        Section(page, "Berapa lama data disimpan",
            $"Nomor HP dan email dihapus otomatis {retention} setelah hari terakhir kegiatan. Nama, hari hadir, instansi, dan "
            + "asal daerah tetap disimpan sebagai bagian dari daftar hadir, yang termasuk arsip pertanggungjawaban (SPJ) "
            + "kegiatan, selama masa retensi arsip tersebut. Kode samaran dan statistik tetap ada selama statistik kegiatan disimpan.");

        Section(page, "Siapa yang dapat melihat data Anda",
            "Hanya panitia dan pengelola sistem daftar hadir yang memegang kunci akses. Daftar hadir tidak diumumkan. "
            + "Data disimpan di layanan penyimpanan milik penyelenggara; setiap akses memerlukan kunci, dan catatan sistem "
            + "(log) tidak memuat nama, nomor HP, atau email Anda.");

        page.Append("<h2>Hak Anda</h2><ul>")
            .Append("<li>mengetahui siapa yang mengelola data Anda dan untuk apa (pemberitahuan ini);</li>")
            .Append("<li>meminta salinan semua data yang disimpan tentang Anda;</li>")
            .Append("<li>meminta perbaikan data yang salah atau tidak lengkap;</li>")
            .Append("<li>meminta penghapusan data Anda atau penghentian pemrosesannya, dan menarik persetujuan yang pernah Anda berikan;</li>")
            .Append("<li>mengajukan keberatan atau pengaduan.</li></ul>")
            .Append("<p>Permintaan dijawab paling lambat 3 x 24 jam sejak diterima. Untuk penghapusan: nama dan hari hadir dalam ")
            .Append("daftar hadir yang sudah menjadi bagian SPJ dapat tetap disimpan sesuai kewajiban pertanggungjawaban; hal ini ")
            .Append("akan dijelaskan dalam jawaban atas permintaan Anda.</p>");

        var contact = notice.ContactFor(e);
        page.Append("<h2>Kontak</h2><p>");
        if (contact is null)
        {
            page.Append("Sampaikan pertanyaan dan permintaan tentang data Anda kepada panitia kegiatan.");
        }
        else
        {
            page.Append("Sampaikan pertanyaan dan permintaan tentang data Anda kepada <strong>").Append(Html.Encode(contact)).Append("</strong>.");
        }

        page.Append("</p><p class=\"hint\">Jika terjadi kegagalan pelindungan data, penyelenggara memberi tahu Anda secara tertulis ")
            .Append("paling lambat 3 x 24 jam.</p></main></body></html>");
        return page.ToString();
    }

    private static void Section(StringBuilder page, string title, string text) =>
        page.Append("<h2>").Append(Html.Encode(title)).Append("</h2><p>").Append(Html.Encode(text)).Append("</p>");
}
