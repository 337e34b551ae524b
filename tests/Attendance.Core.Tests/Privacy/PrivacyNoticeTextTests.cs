using Attendance.Privacy;

namespace Attendance.Core.Tests.Privacy;

public sealed class PrivacyNoticeTextTests
{
    [Fact]
    public void The_short_notice_says_who_collects_why_what_analytics_keep_how_long_and_whom_to_ask()
    {
        var notice = PrivacyNoticeText.Short("Bimtek SPP-TIK Lampung", TimeSpan.FromDays(180), "ppid@perpusnas.go.id");

        Assert.Equal(
            "Data ini dikumpulkan oleh panitia Bimtek SPP-TIK Lampung untuk daftar hadir, sertifikat, dan laporan pelatihan. "
            + "Data analisis tidak memuat nomor HP dan email; peserta hanya diwakili kode samaran. "
            + "Nomor HP dan email dihapus 180 hari setelah hari terakhir kegiatan. "
            + "Pertanyaan atau permintaan tentang data Anda: hubungi ppid@perpusnas.go.id.",
            notice);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_contact_the_notice_sends_participants_to_the_organizers(string? contact)
    {
        var notice = PrivacyNoticeText.Short("Bimtek", TimeSpan.FromDays(180), contact);

        Assert.EndsWith("Pertanyaan atau permintaan tentang data Anda: hubungi panitia kegiatan.", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_event_the_notice_names_the_organizers_in_general()
    {
        Assert.StartsWith("Data ini dikumpulkan oleh panitia kegiatan untuk", PrivacyNoticeText.Short(null, TimeSpan.FromDays(180), null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180.0, "180 hari")]
    [InlineData(1.5, "2 hari")]
    [InlineData(1.0, "1 hari")]
    [InlineData(1095.0, "1.095 hari")]
    public void The_retention_is_told_in_whole_days_rounded_up(double days, string expected)
    {
        Assert.Equal(expected, PrivacyNoticeText.Retention(TimeSpan.FromDays(days)));
    }

    [Fact]
    public void The_sample_XLSForm_and_the_Microsoft_Forms_description_carry_the_same_short_notice()
    {
        // docs/forms.md shows the notice for a form of no particular event, with the default retention and a
        // placeholder for the contact: the text a form's author copies must be the one the venue page shows.
        var expected = PrivacyNoticeText.Short("[nama kegiatan]", new PrivacyOptions().ContactRetention, "[kontak pelindungan data]");
        var forms = File.ReadAllText(RepoPaths.Combine("docs", "forms.md"));

        var copies = forms.Split(expected, StringSplitOptions.None).Length - 1;
        Assert.True(copies >= 2, $"docs/forms.md must carry the notice in the XLSForm and in the Microsoft Forms steps; found {copies}:{Environment.NewLine}{expected}");
    }
}
