using Attendance.Export;
using Attendance.Privacy;
using Microsoft.Extensions.Options;

namespace Attendance.Core.Tests.Privacy;

public sealed class PrivacyNoticeTests
{
    private static readonly TrainingEvent Lampung = new()
    {
        Id = "bimtek-lampung",
        Name = "Bimtek SPP-TIK Lampung",
        StartDate = new DateOnly(2023, 6, 5),
        EndDate = new DateOnly(2023, 6, 8),
        FormToken = "token-of-the-event-000000000000000",
    };

    private static PrivacyNotice Notice(string? contact = null, int days = 180, bool names = false) => new(
        Options.Create(new PrivacyOptions { Contact = contact, ContactRetention = TimeSpan.FromDays(days) }),
        Options.Create(new ExportOptions { IncludeNames = names }));

    [Fact]
    public void The_events_own_contact_comes_before_the_setting()
    {
        var notice = Notice(contact: "ppid@perpusnas.go.id");

        Assert.Equal("dispusip@lampungprov.go.id", notice.ContactFor(Lampung with { PrivacyContact = " dispusip@lampungprov.go.id " }));
        Assert.Equal("ppid@perpusnas.go.id", notice.ContactFor(Lampung));
        Assert.Equal("ppid@perpusnas.go.id", notice.ContactFor(Lampung with { PrivacyContact = "  " }));
        Assert.Equal("ppid@perpusnas.go.id", notice.ContactFor(null));
        Assert.Null(Notice(contact: "").ContactFor(Lampung));
    }

    [Fact]
    public void The_short_notice_of_an_event_uses_the_retention_setting()
    {
        Assert.Contains("dihapus 90 hari setelah", Notice(days: 90).ShortFor(Lampung), StringComparison.Ordinal);
    }

    [Fact]
    public void The_full_notice_names_the_event_its_contact_the_retention_and_every_right()
    {
        var html = PrivacyPage.Render(Lampung with { PrivacyContact = "dispusip@lampungprov.go.id" }, Notice(days: 120));

        Assert.Contains("<h1>Bimtek SPP-TIK Lampung</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>dispusip@lampungprov.go.id</strong>", html, StringComparison.Ordinal);
        Assert.Contains("dihapus otomatis 120 hari setelah hari terakhir kegiatan", html, StringComparison.Ordinal);
        Assert.Contains("Undang-Undang Nomor 27 Tahun 2022", html, StringComparison.Ordinal);
        foreach (var right in new[] { "meminta salinan", "meminta perbaikan", "meminta penghapusan", "menarik persetujuan", "keberatan" })
        {
            Assert.Contains(right, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_event_the_full_notice_names_none_and_falls_back_to_the_organizers()
    {
        var html = PrivacyPage.Render(null, Notice());

        Assert.DoesNotContain("Bimtek", html, StringComparison.Ordinal);
        Assert.Contains("kepada panitia kegiatan.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_full_notice_says_whether_the_analytics_carry_names()
    {
        Assert.Contains("nomor HP dan email maupun nama.", PrivacyPage.Render(Lampung, Notice(names: false)), StringComparison.Ordinal);
        Assert.Contains("nomor HP dan email. Setiap peserta", PrivacyPage.Render(Lampung, Notice(names: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_name_with_markup_is_encoded()
    {
        var html = PrivacyPage.Render(Lampung with { Name = "<b>Bimtek</b>", PrivacyContact = "<i>x</i>" }, Notice());

        Assert.DoesNotContain("<b>Bimtek", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>x", html, StringComparison.Ordinal);
    }
}
