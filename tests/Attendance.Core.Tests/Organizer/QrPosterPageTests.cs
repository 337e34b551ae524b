using Attendance.Organizer;

namespace Attendance.Core.Tests.Organizer;

/// <summary>The printable QR poster: what it says, in Indonesian, and the organizer's text shown as typed.</summary>
public sealed class QrPosterPageTests
{
    private static readonly Uri Link = new("https://hadir.perpusnas.example/api/events/bimtek-lampung/form?token=abc&x=1");

    [Fact]
    public void The_poster_names_the_event_its_dates_venue_and_city_and_says_what_to_do_in_Indonesian()
    {
        var page = QrPosterPage.Render(Lampung(), Link);

        Assert.Contains("<html lang=\"id\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Bimtek SPP-TIK Provinsi Lampung</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"when\">5–8 Juni 2023</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"where\">Swiss-Belhotel Bandar Lampung<br>Kota Bandar Lampung, Lampung</p>", page, StringComparison.Ordinal);
        Assert.Contains("Pindai kode QR ini dengan kamera ponsel", page, StringComparison.Ordinal);
        Assert.Contains("untuk mengisi daftar hadir.", page, StringComparison.Ordinal);
        Assert.Contains("https://hadir.perpusnas.example/api/events/bimtek-lampung/form?token=abc&amp;x=1", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"Kode QR daftar hadir\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_venue_and_regions_the_poster_leaves_the_place_out()
    {
        var page = QrPosterPage.Render(Lampung() with { Venue = null, Province = null, Regency = null }, Link);

        Assert.DoesNotContain("class=\"where\"", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"when\">5–8 Juni 2023</p><div class=\"qr\">", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> TextAndField =>
        new(from text in HostileText.All from place in new[] { "name", "venue" } select (text, place));

    [Theory]
    [MemberData(nameof(TextAndField))]
    public void The_events_name_and_venue_show_hostile_text_as_typed(string hostile, string field)
    {
        var plain = QrPosterPage.Render(Lampung(), Link);
        var page = QrPosterPage.Render(field == "name" ? Lampung() with { Name = hostile } : Lampung() with { Venue = hostile }, Link);

        Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
        Assert.Contains(hostile, HostileTextMarkup.Text(page), StringComparison.Ordinal);
    }

    private static TrainingEvent Lampung() => new()
    {
        Id = "bimtek-lampung",
        Name = "Bimtek SPP-TIK Provinsi Lampung",
        StartDate = new DateOnly(2023, 6, 5),
        EndDate = new DateOnly(2023, 6, 8),
        Venue = "Swiss-Belhotel Bandar Lampung",
        Province = RegionDirectory.Official.Get("18"),
        Regency = RegionDirectory.Official.Get("18.71"),
        FormToken = "abc",
    };
}
