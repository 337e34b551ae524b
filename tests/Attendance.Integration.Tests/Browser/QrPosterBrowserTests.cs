using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>The printable QR poster as Chromium shows and prints it: one A4 page whose code reads back as the sign-in link.</summary>
public sealed partial class QrPosterBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_poster_prints_on_one_A4_page_and_its_code_reads_back_as_the_sign_in_link()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        await using var desk = await chromium.DeskAsync(new ViewportSize { Width = 900, Height = 1300 });
        var page = await desk.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        var address = new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/qr?format=html").AbsoluteUri;

        var response = await page.GotoAsync(address);

        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.StartsWith("text/html", headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        // Nothing but the page itself is fetched, and the policy blocked nothing (its styles are allowed by hash).
        Assert.Equal([address], requests);
        Assert.Empty(errors);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung");
        await Expect(page.Locator(".when")).ToHaveTextAsync("5–8 Juni 2023");
        await Expect(page.Locator(".where")).ToHaveTextAsync("Swiss-Belhotel Bandar LampungKota Bandar Lampung, Lampung");
        await Expect(page.Locator(".how")).ToContainTextAsync("Pindai kode QR ini dengan kamera ponsel");
        await Expect(page.Locator(".link span")).ToHaveTextAsync(formUrl);
        var side = await page.Locator(".qr svg").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(side, 400, 700);

        // The code as the page shows it, read by jsQR (no code shared with QRCoder).
        var png = Path.Combine(ChromiumFixture.Screenshots, "qr-poster-code.png");
        await page.Locator(".qr svg").ScreenshotAsync(new() { Path = png });
        var read = JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/read-qr.mjs", [png], TimeSpan.FromMinutes(1), Ct)).RootElement;
        Assert.Equal(formUrl, read.GetProperty("text").GetString());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "qr-poster.png"), FullPage = true });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(ChromiumFixture.Screenshots, "qr-poster.pdf"), pdf, Ct);
        Assert.Equal(1, PageCount(pdf));
        Assert.Equal([595, 842], MediaBox(pdf));
    }

    [Fact]
    public async Task A_poster_with_the_longest_name_and_venue_still_prints_on_one_page_with_a_readable_code()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        const string eventId = "bimtek-nama-panjang-2023";
        string formUrl;
        using (var register = new HttpRequestMessage(HttpMethod.Put, $"events/{eventId}"))
        {
            register.Content = JsonContent.Create(new
            {
                name = string.Concat(Enumerable.Repeat("Bimbingan Teknis Pengembangan Perpustakaan ", 5))[..200],
                startDate = "2023-06-05",
                endDate = "2023-07-03",
                venue = string.Concat(Enumerable.Repeat("Aula Dinas Perpustakaan dan Kearsipan Daerah ", 5))[..200],
                province = "Lampung",
                regency = "Kabupaten Pesisir Barat",
            });
            register.Headers.Add("x-functions-key", ApiServer.AdminKey);
            using var registered = await api.Anonymous.SendAsync(register, Ct);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync(Ct));
            formUrl = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formUrl").GetString()!;
        }

        await using var desk = await chromium.DeskAsync(new ViewportSize { Width = 900, Height = 1300 });
        var page = await desk.NewPageAsync();
        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{eventId}/qr?format=html").AbsoluteUri);

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(ChromiumFixture.Screenshots, "qr-poster-long.pdf"), pdf, Ct);

        Assert.Equal(1, PageCount(pdf));
        await Expect(page.Locator(".when")).ToHaveTextAsync("5 Juni 2023 – 3 Juli 2023");
        var png = Path.Combine(ChromiumFixture.Screenshots, "qr-poster-long-code.png");
        await page.Locator(".qr svg").ScreenshotAsync(new() { Path = png });
        var read = JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/read-qr.mjs", [png], TimeSpan.FromMinutes(1), Ct)).RootElement;
        Assert.Equal(formUrl, read.GetProperty("text").GetString());

        // The whole poster, the link's text included, fits in the printable height of A4 (273 mm at 96 px per inch).
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const p = document.querySelector('.poster').getBoundingClientRect(); const l = document.querySelector('.link').getBoundingClientRect(); return l.bottom <= p.bottom + 0.5; }"),
            "the link's text is inside the poster's page box");
    }

    private static int PageCount(byte[] pdf) => PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;

    private static int[] MediaBox(byte[] pdf)
    {
        var box = PdfMediaBox().Match(Encoding.Latin1.GetString(pdf));
        return [(int)Math.Round(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
            (int)Math.Round(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex PdfMediaBox();
}
