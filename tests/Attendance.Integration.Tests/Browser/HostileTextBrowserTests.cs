using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// Every page that shows what a participant typed, in Chromium, with <see cref="HostileText"/> typed: the confirmation,
/// the form shown again with its kept values and choices, the list of sign-ins waiting on the phone, the printable
/// daftar hadir and the recap. Each shows the text literally, adds no element and runs nothing. The pages' Content
/// Security Policy is bypassed here: it would block a script that encoding let through, and these tests are about
/// the encoding (the policy has its own tests).
/// </summary>
public sealed class HostileTextBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // Elements and attributes the samples would add if written raw; the pages have none of their own.
    private const string Injected = "img, svg, b, textarea, [onerror], [onload], [onfocus], [autofocus]";

    [Fact]
    public async Task The_confirmation_shows_a_hostile_name_as_typed_and_runs_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();

        foreach (var name in HostileText.All)
        {
            await page.GotoAsync(formUrl);
            var venue = new VenuePage(page);
            await venue.FillAsync(name, "Kabupaten Pesawaran");
            await venue.Send.ClickAsync();

            await Expect(venue.Confirmation).ToBeVisibleAsync();
            await Expect(venue.Confirmation.Locator("strong").First).ToHaveJSPropertyAsync("textContent", name.Trim());
            await AssertNothingInjectedAsync(page, scripts: 1);
        }

        Assert.Equal(HostileText.All.Count, (await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct)).Count);
    }

    [Fact]
    public async Task The_form_shown_again_keeps_hostile_values_and_choices_as_typed_and_runs_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();

        foreach (var text in HostileText.All)
        {
            await page.GotoAsync(formUrl);
            var venue = new VenuePage(page);
            await venue.FillAsync(text, "Kabupaten Pesawaran", phone: "0812-abc");
            await venue.Institution.FillAsync(text);
            // A regency the list does not hold, as a copied or altered page would send it: refused, kept, shown as typed.
            await venue.Regency.EvaluateAsync("(select, text) => { select.add(new Option(text, text, true, true)); }", text);
            await venue.Send.ClickAsync();

            await Expect(page.Locator("#e-regency")).ToBeVisibleAsync();
            await Expect(venue.FullName).ToHaveJSPropertyAsync("value", text);
            await Expect(venue.Institution).ToHaveJSPropertyAsync("value", text);
            await Expect(venue.Phone).ToHaveJSPropertyAsync("value", "0812-abc");
            await Expect(venue.Regency).ToHaveJSPropertyAsync("value", text);
            await Expect(venue.Regency.Locator("option:checked")).ToHaveJSPropertyAsync("textContent", text);
            await AssertNothingInjectedAsync(page, scripts: 1);
        }

        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
    }

    [Fact]
    public async Task A_sign_in_waiting_on_the_phone_and_then_sent_or_refused_shows_its_hostile_name_as_text_and_runs_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;

        foreach (var name in HostileText.All)
        {
            // A phone of its own for each: the waiting list is the phone's.
            await using var phone = await PhoneAsync();
            var page = await phone.NewPageAsync();
            await page.GotoAsync(formUrl);
            var venue = new VenuePage(page);
            await venue.FillAsync(name, "Kabupaten Pesawaran");

            await phone.SetOfflineAsync(true);
            await venue.Send.ClickAsync();

            await Expect(venue.Waiting).ToBeVisibleAsync();
            await Expect(venue.Waiting.Locator("span")).ToHaveJSPropertyAsync("textContent", name + ".");
            await AssertNothingInjectedAsync(page, scripts: 1);

            // Sent when the connection returns: stored and listed as sent, or refused and listed with the reason.
            await phone.SetOfflineAsync(false);
            await Expect(venue.Waiting).ToHaveCountAsync(0);
            await Expect(page.Locator("#sent li, #refused li")).ToHaveCountAsync(1);
            await AssertNothingInjectedAsync(page, scripts: 1);
        }
    }

    [Fact]
    public async Task The_printable_daftar_hadir_and_recap_show_hostile_names_and_institutions_as_typed_and_run_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        var submissions = HostileText.Storable.Select(text =>
        {
            var submission = Lampung.Submission(text, day: "2023-06-06");
            submission["institution"] = text;
            return submission;
        });
        using (var posted = await api.Client.PostAsJsonAsync("submissions", submissions, Ct))
        {
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));
        }

        await using var desk = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = ApiServer.FunctionKey },
            BypassCSP = true,
        });
        var page = await desk.NewPageAsync();

        foreach (var list in new[] { "date=2023-06-06&format=html", "format=html" })
        {
            var response = await page.GotoAsync(new Uri(api.Client.BaseAddress!, $"events/{Lampung.EventId}/attendance?{list}").AbsoluteUri);

            Assert.Equal(200, response!.Status);
            await Expect(page.Locator(".list tbody:not(.totals) tr")).ToHaveCountAsync(HostileText.Storable.Count);
            var names = await page.Locator(".list tbody:not(.totals) tr td:nth-child(2)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent)");
            var institutions = await page.Locator(".list tbody:not(.totals) tr td:nth-child(3)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent)");
            Assert.Equal(HostileText.Storable.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
            Assert.Equal(HostileText.Storable.Order(StringComparer.Ordinal), institutions.Order(StringComparer.Ordinal));
            await AssertNothingInjectedAsync(page, scripts: 0);
        }
    }

    /// <summary>A phone as <see cref="ChromiumFixture.PhoneAsync"/> makes it, with the page's policy bypassed.</summary>
    private Task<IBrowserContext> PhoneAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 780 },
        IsMobile = true,
        HasTouch = true,
        Locale = "id-ID",
        TimezoneId = "Asia/Jakarta",
        BypassCSP = true,
    });

    /// <summary>No sample's script ran, no element or handler was added, and the page has its own scripts and styles only.</summary>
    private static async Task AssertNothingInjectedAsync(IPage page, int scripts)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>($"() => typeof window.{HostileText.Flag}"));
        Assert.Equal(0, await page.Locator(Injected).CountAsync());
        Assert.Equal(scripts, await page.Locator("script").CountAsync());
        Assert.Equal(1, await page.Locator("style").CountAsync());
        Assert.True(await page.Locator("body").IsVisibleAsync(), "the body is hidden");
    }
}
