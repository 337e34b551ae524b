using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>The printable daftar hadir as Chromium renders and prints it.</summary>
public sealed partial class AttendanceSheetBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_days_list_renders_numbered_rows_with_a_signature_column_and_prints_on_A4_pages_with_the_header_repeated()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        var training = Enumerable.Range(1, 60)
            .Select(i => Lampung.Submission($"Peserta {i:D2} Nur'aini", day: "2023-06-06"))
            .Select(s => { s["institution"] = "Dinas Perpustakaan dan Kearsipan Kabupaten Pesawaran"; return s; })
            .ToList();
        await OrganizerApiTests.PostAsync(api, training);
        await using var desk = await chromium.DeskAsync(new ViewportSize { Width = 1000, Height = 1400 });
        var page = await desk.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };

        var response = await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?date=2023-06-06&format=html").AbsoluteUri);

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Daftar Hadir");
        await Expect(page.Locator(".info")).ToContainTextAsync("Swiss-Belhotel Bandar Lampung");
        await Expect(page.Locator(".info")).ToContainTextAsync("Selasa, 6 Juni 2023");
        await Expect(page.Locator(".list thead th")).ToHaveTextAsync(["No", "Nama", "Instansi", "Kabupaten/Kota", "Jam hadir (WIB)", "Tanda tangan"]);
        await Expect(page.Locator(".list tbody tr")).ToHaveCountAsync(60);
        await Expect(page.Locator(".list tbody tr").Nth(59).Locator("td").First).ToHaveTextAsync("60");
        await Expect(page.Locator(".list tbody tr").First.Locator(".sig")).ToHaveTextAsync("1.");
        await Expect(page.Locator(".total")).ToContainTextAsync("60 orang");
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "daftar-hadir.png") });

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true });
        var pdfPath = Path.Combine(ChromiumFixture.Screenshots, "daftar-hadir.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf, Ct);
        Assert.InRange(PageCount(pdf), 2, 5);
        // Printed, no row is split across pages and the sign-off stays whole.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("avoid", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.list tbody tr')).breakInside"));
        Assert.Equal("avoid", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.signoff')).breakInside"));
    }

    [Fact]
    public async Task The_whole_events_recap_marks_each_day_attended_and_counts_who_attended_every_day()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await OrganizerApiTests.PostAsync(api, OrganizerApiTests.Training());
        await using var desk = await chromium.DeskAsync();
        var page = await desk.NewPageAsync();

        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?format=html").AbsoluteUri);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Rekapitulasi Kehadiran");
        await Expect(page.Locator(".info")).ToContainTextAsync("1 dari 3 peserta");
        var niLuh = page.Locator(".list tbody tr", new() { HasText = "Ni Luh Putu Ayu Dewi" });
        await Expect(niLuh.Locator("td")).ToHaveTextAsync(["2", "Ni Luh Putu Ayu Dewi", "", "Kota Bandar Lampung", "✓", "✓", "✓", "✓", "4", "Ya"]);
        await Expect(page.Locator(".list .totals th")).ToHaveTextAsync(["Jumlah hadir per hari", "2", "3", "1", "1", "", "1"]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "rekap-kehadiran.png"), FullPage = true });
    }

    [Fact]
    public async Task A_long_recap_prints_on_several_pages_with_its_totals_once_after_the_last_participant()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await OrganizerApiTests.PostAsync(api, [.. Enumerable.Range(1, 90).Select(i => Lampung.Submission($"Peserta {i:D2} Nur'aini", day: "2023-06-06"))]);
        await using var desk = await chromium.DeskAsync(new ViewportSize { Width = 1000, Height = 1400 });
        var page = await desk.NewPageAsync();

        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?format=html").AbsoluteUri);
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(ChromiumFixture.Screenshots, "rekap-kehadiran.pdf"), pdf, Ct);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.InRange(PageCount(pdf), 3, 8);
        // What Chromium repeats on every printed page is a table-footer-group; the totals are a plain row group, once.
        await Expect(page.GetByText("Jumlah hadir per hari")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.list *')].filter(e => getComputedStyle(e).display === 'table-footer-group').length"));
        Assert.Equal("table-row-group", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.list .totals')).display"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.querySelector('.list .totals').getBoundingClientRect().top >= document.querySelector('.list tbody tr:last-child').getBoundingClientRect().bottom - 1"));
        await Expect(page.Locator(".list .totals th")).ToHaveTextAsync(["Jumlah hadir per hari", "0", "90", "0", "0", "", "0"]);
    }

    private static int PageCount(byte[] pdf) => PdfPage().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
