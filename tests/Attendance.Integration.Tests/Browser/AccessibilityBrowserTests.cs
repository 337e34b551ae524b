using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// The venue page in each state a participant meets, its message pages and the organizer's printable lists, audited
/// by axe-core in Chromium (<see cref="AxeAudit"/>): no serious or critical violation, colour contrast included.
/// </summary>
public sealed class AccessibilityBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_venue_form_empty_with_field_errors_sending_confirmed_and_already_recorded_passes_axe()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var release = new TaskCompletionSource();
        var holding = false;
        var venue = await session.OpenAsync(prepare: page => page.RouteAsync("**/form?**", async route =>
        {
            if (route.Request.Method == "POST" && Volatile.Read(ref holding))
            {
                await release.Task;
            }

            await route.ContinueAsync();
        }));
        var page = venue.Page;
        await AxeAudit.AssertCleanAsync(page, "the empty form");

        await venue.Send.ClickAsync();
        await Expect(venue.FullName).ToHaveAttributeAsync("aria-invalid", "true");
        await AxeAudit.AssertCleanAsync(page, "the form with field errors");

        await venue.FillAsync("Ni Luh Putu Ayu Dewi", "Kabupaten Pesawaran", email: "niluh@perpusdes.id");
        Volatile.Write(ref holding, true);
        await venue.Send.ClickAsync();
        await Expect(venue.Send).ToHaveTextAsync("Mengirim…");
        // axe leaves disabled controls out of its contrast rule, so the sending button is measured here.
        Assert.True(await AxeAudit.ContrastAsync(venue.Send) >= 4.5, $"the sending button's text contrast is {await AxeAudit.ContrastAsync(venue.Send):0.00}:1");
        await AxeAudit.AssertCleanAsync(page, "the form while sending");
        release.SetResult();

        await Expect(venue.Confirmation).ToContainTextAsync("tercatat pada");
        await AxeAudit.AssertCleanAsync(page, "the confirmation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Isi daftar hadir untuk peserta lain" }).ClickAsync();
        await venue.FillAsync("Ni Luh Putu Ayu Dewi", "Kabupaten Pesawaran", email: "niluh@perpusdes.id");
        await venue.Send.ClickAsync();
        await Expect(venue.Confirmation).ToContainTextAsync("sudah tercatat sebelumnya");
        await AxeAudit.AssertCleanAsync(page, "the already-recorded confirmation");
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task The_shared_devices_notes_of_kept_sent_and_refused_sign_ins_and_another_province_pass_axe()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        var page = venue.Page;
        await session.Phone.SetOfflineAsync(true);
        await venue.FillAsync("Rudi Hartono", "Kabupaten Way Kanan", email: "rudi@");
        await venue.Send.ClickAsync();
        await venue.FillAsync("Sri Wahyuni", "Kota Metro");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("2 isian belum terkirim");
        await AxeAudit.AssertCleanAsync(page, "two sign-ins kept offline");

        await session.Phone.SetOfflineAsync(false);
        await Expect(venue.Sent).ToContainTextAsync("Sri Wahyuni");
        await Expect(venue.Refused).ToContainTextAsync("Rudi Hartono");
        await AxeAudit.AssertCleanAsync(page, "the notes of a sent and a refused sign-in");

        await venue.Province.SelectOptionAsync(new SelectOptionValue { Label = "Daerah Khusus Ibukota Jakarta" });
        await Expect(venue.Regency.Locator("option")).ToHaveCountAsync(7);
        await AxeAudit.AssertCleanAsync(page, "the form with another province chosen");
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task The_privacy_notice_and_the_wrong_link_not_yet_open_and_closed_pages_pass_axe()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        await venue.Page.GetByRole(AriaRole.Link, new() { Name = "Baca pemberitahuan privasi lengkap" }).ClickAsync();
        await Expect(venue.Page.GetByRole(AriaRole.Heading, new() { Name = "Hak Anda" })).ToBeVisibleAsync();
        await AxeAudit.AssertCleanAsync(venue.Page, "the full privacy notice");

        var wrong = await session.OpenAsync(session.FormUrl + "x");
        Assert.Equal(401, wrong.Response!.Status);
        await AxeAudit.AssertCleanAsync(wrong.Page, "the wrong-link page");

        session.Clock.Now = new DateTimeOffset(2023, 6, 4, 20, 0, 0, TimeSpan.FromHours(7));
        var early = await session.OpenAsync();
        await Expect(early.Page.Locator("h1")).ToHaveTextAsync("Daftar hadir belum dibuka");
        await AxeAudit.AssertCleanAsync(early.Page, "the not-yet-open page");

        session.Clock.Now = new DateTimeOffset(2023, 6, 9, 8, 0, 0, TimeSpan.FromHours(7));
        var late = await session.OpenAsync();
        await Expect(late.Page.Locator("h1")).ToHaveTextAsync("Daftar hadir sudah ditutup");
        await AxeAudit.AssertCleanAsync(late.Page, "the closed page");
    }

    [Fact]
    public async Task The_audit_fails_on_low_contrast_text_and_an_image_without_text_naming_rule_impact_element_and_help()
    {
        await using var phone = await chromium.PhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SetContentAsync(
            "<!doctype html><html lang=\"id\"><head><title>Uji</title></head><body><main><h1>Uji</h1>" +
            "<p id=\"pale\" style=\"color:#aaaaaa;background:#ffffff\">Teks pucat</p><img id=\"bare\" src=\"data:,\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AxeAudit.AssertCleanAsync(page, "a page made to fail"));

        Assert.Contains("- color-contrast (serious): Elements must meet minimum color contrast ratio thresholds", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#pale: Element has insufficient color contrast", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#bare:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organizers_printable_daftar_hadir_and_rekap_pass_axe()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await OrganizerApiTests.PostAsync(api, OrganizerApiTests.Training());
        await using var desk = await chromium.DeskAsync();
        var page = await desk.NewPageAsync();

        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?date=2023-06-06&format=html").AbsoluteUri);
        await AxeAudit.AssertCleanAsync(page, "the printable daftar hadir of a day");

        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?format=html").AbsoluteUri);
        await AxeAudit.AssertCleanAsync(page, "the printable rekap of the event");
    }

    [Fact]
    public async Task The_printable_QR_poster_passes_axe()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await using var desk = await chromium.DeskAsync();
        var page = await desk.NewPageAsync();

        await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/qr?format=html").AbsoluteUri);
        await AxeAudit.AssertCleanAsync(page, "the printable QR poster");
    }
}
