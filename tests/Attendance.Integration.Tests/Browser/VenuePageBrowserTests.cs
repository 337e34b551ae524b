using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>The venue page as a participant meets it: a 360 px phone in headless Chromium, against the API on Azurite.</summary>
public sealed partial class VenuePageBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task On_a_360_px_phone_the_page_is_Indonesian_fits_the_screen_and_confirms_who_signed_in_on_which_day_at_what_time()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);

        var venue = await session.OpenAsync();
        var page = venue.Page;

        Assert.Equal(200, venue.Response!.Status);
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await Expect(page.Locator(".day")).ToContainTextAsync("Selasa, 6 Juni 2023");
        await Expect(page.Locator("header")).ToContainTextAsync("5–8 Juni 2023");
        await Expect(venue.FullName).ToHaveAttributeAsync("autocomplete", "name");
        await Expect(venue.FullName).ToHaveAttributeAsync("aria-required", "true");
        await Expect(venue.Phone).ToHaveAttributeAsync("inputmode", "tel");
        await Expect(venue.Email).ToHaveAttributeAsync("inputmode", "email");
        // Lampung's 15 regencies and cities, from the official list, after the empty choice.
        Assert.Equal(16, await venue.Regency.Locator("option").CountAsync());
        await Expect(venue.Regency.Locator("option").Nth(1)).ToHaveTextAsync("Kabupaten Lampung Selatan");
        await Expect(venue.InstitutionType).ToContainTextAsync("Taman Bacaan Masyarakat");
        await Expect(venue.Gender).ToContainTextAsync("Laki-laki");
        await venue.ScreenshotAsync("venue-form-360.png");

        await venue.FillAsync("Ni Luh Putu Ayu Dewi", "Kabupaten Pesawaran", phone: "0812 3456 7890");
        await venue.Send.ClickAsync();

        await Expect(venue.Confirmation).ToContainTextAsync("Ni Luh Putu Ayu Dewi");
        await Expect(venue.Confirmation).ToContainTextAsync("Selasa, 6 Juni 2023");
        await Expect(venue.Confirmation).ToContainTextAsync("pukul 09.00 WIB");
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-confirmation-360.png");
        Assert.Equal(["Ni Luh Putu Ayu Dewi"], await session.NamesAsync());
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task On_a_360_px_phone_the_privacy_notice_is_seen_beside_the_send_button_and_its_link_opens_the_full_notice()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        await using var phone = await chromium.PhoneAsync();
        var page = await phone.NewPageAsync();
        var venue = new VenuePage(page);
        await page.GotoAsync(formUrl);
        var notice = page.Locator("#privacy-notice");

        await notice.ScrollIntoViewIfNeededAsync();
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("Data ini dikumpulkan oleh panitia Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung");
        await Expect(notice).ToContainTextAsync("Nomor HP dan email dihapus 180 hari setelah hari terakhir kegiatan");
        await Expect(venue.Send).ToHaveAttributeAsync("aria-describedby", "privacy-notice");

        // Beside the button: directly above it, as wide, both on the phone's screen at once.
        var box = (await notice.BoundingBoxAsync())!;
        var button = (await venue.Send.BoundingBoxAsync())!;
        Assert.InRange(button.Y - (box.Y + box.Height), 0, 40);
        Assert.True(box.X >= 0 && box.X + box.Width <= 360, "the notice does not fit the 360 px screen");
        Assert.True(button.Y + button.Height - box.Y <= 640, "the notice and the button do not fit on one screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "venue-privacy-notice-360.png"), FullPage = true });

        await notice.GetByRole(AriaRole.Link, new() { Name = "Baca pemberitahuan privasi lengkap" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/api/events/" + Lampung.EventId + "/privacy\\?token="));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hak Anda" })).ToBeVisibleAsync();
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the notice scrolls sideways at 360 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "privacy-notice-360.png"), FullPage = true });
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task After_a_refused_post_everything_typed_is_still_there_and_each_Indonesian_message_stands_by_its_field()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        var page = venue.Page;

        await venue.FillAsync("Siti Nur'aini", "Kota Metro", phone: "0812-abc", email: "siti@");
        await venue.Send.ClickAsync();

        await Expect(venue.Phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(venue.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(venue.FullName).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(venue.Phone).ToHaveAttributeAsync("aria-describedby", new Regex(@"\be-phone\b"));
        await Expect(page.Locator("#e-phone")).ToHaveTextAsync(new Regex("^Nomor HP tidak valid"));
        await Expect(page.Locator("#e-email")).ToHaveTextAsync(new Regex("^Alamat email tidak valid"));
        await Expect(venue.FullName).ToHaveValueAsync("Siti Nur'aini");
        await Expect(venue.Phone).ToHaveValueAsync("0812-abc");
        await Expect(venue.Email).ToHaveValueAsync("siti@");
        await Expect(venue.Institution).ToHaveValueAsync("Perpustakaan Desa Sukamaju");
        await Expect(venue.Regency).ToHaveValueAsync("Kota Metro");
        await Expect(venue.InstitutionType).ToHaveValueAsync("village_library");
        await Expect(venue.Gender).ToHaveValueAsync("female");
        Assert.DoesNotMatch(EnglishWords(), await page.Locator("main").InnerTextAsync());
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-errors-360.png");

        await venue.Phone.FillAsync("0812 3456 7891");
        await venue.Email.FillAsync("siti@perpusdes.id");
        await venue.Send.ClickAsync();

        await Expect(venue.Confirmation).ToContainTextAsync("Siti Nur'aini");
        Assert.Equal(["Siti Nur'aini"], await session.NamesAsync());
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task The_button_shows_that_it_is_sending_and_a_second_tap_posts_nothing()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var posts = 0;
        var release = new TaskCompletionSource();
        var venue = await session.OpenAsync(prepare: page => page.RouteAsync("**/form?**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await release.Task;
            }

            await route.ContinueAsync();
        }));
        await venue.FillAsync("Ahmad Fauzi", "Kabupaten Tanggamus");

        await venue.Send.ClickAsync();
        await Expect(venue.Send).ToBeDisabledAsync();
        await Expect(venue.Send).ToHaveTextAsync("Mengirim…");
        await venue.Send.DispatchEventAsync("click");
        await venue.Page.EvaluateAsync("() => document.querySelector('form[data-venue]').requestSubmit()");
        release.SetResult();

        await Expect(venue.Confirmation).ToContainTextAsync("Ahmad Fauzi");
        Assert.Equal(1, posts);
    }

    [Fact]
    public async Task Without_a_connection_the_sign_in_waits_on_the_phone_and_is_stored_once_when_the_connection_returns()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        var page = venue.Page;
        // First a mistake, refused with a notice about the fields; then the fix, sent without a connection.
        await venue.Email.FillAsync("rudi@");
        await venue.FillAsync("Rudi Hartono", "Kabupaten Way Kanan");
        await venue.Send.ClickAsync();
        await Expect(page.Locator("#status .notice.error")).ToBeVisibleAsync();
        await venue.Email.FillAsync("rudi@example.id");

        await session.Phone.SetOfflineAsync(true);
        await venue.Send.ClickAsync();

        await Expect(venue.Waiting).ToContainTextAsync("Menunggu koneksi. 1 isian belum terkirim");
        await Expect(page.Locator("#status .notice.error")).ToHaveCountAsync(0);
        await Expect(venue.FullName).ToHaveValueAsync(string.Empty);
        await Expect(venue.Email).ToHaveValueAsync(string.Empty);
        await Expect(venue.Waiting).ToContainTextAsync("Rudi Hartono");
        Assert.Equal(1, await venue.QueuedAsync());
        Assert.Empty(await session.NamesAsync());
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-waiting-360.png");

        await session.Phone.SetOfflineAsync(false);

        await Expect(venue.Sent).ToContainTextAsync("Kehadiran Rudi Hartono tercatat pada Selasa, 6 Juni 2023 pukul 09.00 WIB");
        await Expect(venue.Waiting).ToHaveCountAsync(0);
        Assert.Equal(0, await venue.QueuedAsync());
        Assert.Equal(["Rudi Hartono"], await session.NamesAsync());
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task A_sign_in_whose_answer_was_lost_is_sent_again_when_the_page_is_reopened_and_stored_exactly_once()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        // The post reaches the server and is stored, but the hotel Wi-Fi drops the answer.
        var venue = await session.OpenAsync(prepare: page => page.RouteAsync("**/form?**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        }));
        await venue.FillAsync("Dewi Lestari", "Kabupaten Lampung Timur", email: "dewi@perpus.id");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("Dewi Lestari");
        var day = await OrganizerDesk.DayAsync(session.Api, VenueSession.Today, Ct);
        Assert.Equal(1, day.GetProperty("count").GetInt32());
        await venue.Page.CloseAsync();

        // The participant opens the link again later, with a connection.
        var reopened = await session.OpenAsync();

        await Expect(reopened.Sent).ToContainTextAsync("Dewi Lestari");
        await Expect(reopened.Sent).ToContainTextAsync("sudah tercatat sebelumnya, pukul 09.00 WIB");
        Assert.Equal(0, await reopened.QueuedAsync());
        Assert.Equal(["Dewi Lestari"], await session.NamesAsync());
        var whole = await session.Api.Client.GetStringAsync($"events/{Lampung.EventId}/attendance", Ct);
        Assert.Single(Regex.Matches(whole, "Dewi Lestari"));
    }

    [Fact]
    public async Task A_sign_in_sent_through_a_link_rotated_meanwhile_is_kept_and_goes_through_the_new_link()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        await venue.FillAsync("Yusuf Maulana", "Kabupaten Lampung Barat");

        var newUrl = await session.RotateLinkAsync();
        await venue.Send.ClickAsync();

        await Expect(venue.Waiting).ToContainTextAsync("Tautan sudah diganti panitia");
        await Expect(venue.Waiting).ToContainTextAsync("Yusuf Maulana");
        await Expect(venue.FullName).ToHaveValueAsync(string.Empty);
        Assert.Equal(1, await venue.QueuedAsync());

        var scanned = await session.OpenAsync(newUrl);

        await Expect(scanned.Sent).ToContainTextAsync("Yusuf Maulana");
        Assert.Equal(0, await scanned.QueuedAsync());
        Assert.Equal(["Yusuf Maulana"], await session.NamesAsync());
    }

    [Fact]
    public async Task A_sign_in_waiting_for_a_new_link_is_not_resent_on_a_timer_only_when_the_connection_returns()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var posts = 0;
        var venue = await session.OpenAsync(prepare: async page =>
        {
            // The page's timers run on a clock the test moves, so minutes of waiting take no time.
            await page.Clock.InstallAsync();
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        });
        var page = venue.Page;
        await venue.FillAsync("Yusuf Maulana", "Kabupaten Lampung Barat");
        await session.RotateLinkAsync();
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("Tautan sudah diganti panitia");

        // Two minutes pass, in steps of the retry period, each given real time for a post to leave.
        for (var i = 0; i < 8; i++)
        {
            await page.Clock.RunForAsync(15_000);
            await Task.Delay(100, Ct);
        }

        var afterTwoMinutes = posts;
        var resent = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        var answer = await resent;

        Assert.Equal(1, afterTwoMinutes);
        Assert.Equal(401, answer.Status);
        Assert.Equal(1, await venue.QueuedAsync());
        await Expect(venue.Waiting).ToContainTextAsync("Yusuf Maulana");
    }

    [Fact]
    public async Task A_wrong_link_shows_a_readable_Indonesian_page()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);

        var venue = await session.OpenAsync(session.FormUrl[..session.FormUrl.IndexOf("token=", StringComparison.Ordinal)] + "token=salah");

        Assert.Equal(401, venue.Response!.Status);
        await Expect(venue.Page.Locator("h1")).ToHaveTextAsync("Tautan tidak berlaku");
        await Expect(venue.Page.Locator("main")).ToContainTextAsync("kode QR");
        Assert.Equal("no-referrer", venue.Response.Headers["referrer-policy"]);
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-wrong-link-360.png");
    }

    // English words of the API's messages ("must be", "is not a valid", "required"); Indonesian says "tidak valid" too.
    [GeneratedRegex(@"\b(must|invalid|required|field|is not|please)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();
}
