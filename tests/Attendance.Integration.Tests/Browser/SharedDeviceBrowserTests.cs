using static Microsoft.Playwright.Assertions;

namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// One tablet at the registration desk, passed from person to person, through a dropped connection: a kept sign-in
/// never blocks the next person, several wait together, and each is stored exactly once when they are sent.
/// </summary>
public sealed class SharedDeviceBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Two_people_kept_offline_leave_the_form_to_a_third_and_are_stored_once_each_when_the_connection_returns()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        await session.Phone.SetOfflineAsync(true);

        await venue.FillAsync("Rina Marlina", "Kabupaten Pesawaran", email: "rina@perpusdes.id");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("1 isian belum terkirim: Rina Marlina.");
        await Expect(venue.FullName).ToHaveValueAsync(string.Empty);
        await Expect(venue.FullName).ToBeFocusedAsync();
        await Expect(venue.Send).ToBeEnabledAsync();
        await Expect(venue.Send).ToHaveTextAsync("Kirim kehadiran");

        await venue.FillAsync("Bambang Sutrisno", "Kota Metro");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("2 isian belum terkirim: Rina Marlina, Bambang Sutrisno.");
        await Expect(venue.Page.Locator("#status")).ToHaveAttributeAsync("aria-live", "polite");
        Assert.Equal(2, await venue.QueuedAsync());
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-two-waiting-360.png");

        // The third person starts on the same form while the two wait; the connection returns under their hands.
        await venue.FullName.FillAsync("Citra Kirana");
        Assert.Empty(await session.NamesAsync());
        await session.Phone.SetOfflineAsync(false);

        await Expect(venue.Sent).ToContainTextAsync("Kehadiran Rina Marlina tercatat");
        await Expect(venue.Sent).ToContainTextAsync("Kehadiran Bambang Sutrisno tercatat");
        await Expect(venue.Waiting).ToHaveCountAsync(0);
        Assert.Equal(0, await venue.QueuedAsync());
        Assert.Equal(["Bambang Sutrisno", "Rina Marlina"], (await session.NamesAsync()).Order(StringComparer.Ordinal));
        await Expect(venue.FullName).ToHaveValueAsync("Citra Kirana");

        await venue.FillAsync("Citra Kirana", "Kabupaten Tanggamus");
        await venue.Send.ClickAsync();

        await Expect(venue.Confirmation).ToContainTextAsync("Citra Kirana");
        Assert.Equal(["Bambang Sutrisno", "Citra Kirana", "Rina Marlina"], (await session.NamesAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task A_kept_sign_in_the_server_refuses_is_named_with_its_reason_and_corrected_later_without_blocking_the_next_person()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        await session.Phone.SetOfflineAsync(true);
        await venue.FillAsync("Rudi Hartono", "Kabupaten Way Kanan", email: "rudi@");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("Rudi Hartono");

        await session.Phone.SetOfflineAsync(false);

        await Expect(venue.Refused).ToContainTextAsync("Rudi Hartono: Alamat email tidak valid");
        await Expect(venue.Waiting).ToHaveCountAsync(0);
        Assert.Equal(0, await venue.QueuedAsync());
        await venue.ScreenshotAsync("venue-refused-kept-360.png");

        // The next person signs in as usual; the refusal stays above the form.
        await venue.FillAsync("Sri Wahyuni", "Kota Bandar Lampung");
        await venue.Send.ClickAsync();
        await Expect(venue.Confirmation).ToContainTextAsync("Sri Wahyuni");
        await Expect(venue.Refused).ToContainTextAsync("Rudi Hartono");

        // Rudi comes back: his sign-in returns to the form, with what he typed, to correct and send.
        await venue.Refused.GetByRole(AriaRole.Button, new() { Name = "Perbaiki isian Rudi Hartono" }).ClickAsync();
        await Expect(venue.FullName).ToHaveValueAsync("Rudi Hartono");
        await Expect(venue.Email).ToHaveValueAsync("rudi@");
        await Expect(venue.Regency).ToHaveValueAsync("Kabupaten Way Kanan");
        await Expect(venue.Refused).ToHaveCountAsync(0);
        await venue.Email.FillAsync("rudi@example.id");
        await venue.Send.ClickAsync();

        await Expect(venue.Confirmation).ToContainTextAsync("Rudi Hartono");
        Assert.Equal(["Rudi Hartono", "Sri Wahyuni"], (await session.NamesAsync()).Order(StringComparer.Ordinal));
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task A_trainer_from_Jakarta_chooses_their_province_and_the_regency_list_follows_it_at_a_Lampung_event()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var venue = await session.OpenAsync();
        await Expect(venue.Province).ToHaveValueAsync("Lampung");
        await Expect(venue.Regency.Locator("option")).ToHaveCountAsync(16);

        await venue.Province.SelectOptionAsync(new SelectOptionValue { Label = "Daerah Khusus Ibukota Jakarta" });

        // Jakarta's five administrative cities and one regency, after the empty choice; none of Lampung's.
        await Expect(venue.Regency.Locator("option")).ToHaveCountAsync(7);
        await Expect(venue.Regency.Locator("option", new() { HasText = "Kabupaten Pesawaran" })).ToHaveCountAsync(0);
        await venue.FillAsync("Dra. Nurhayati, M.Hum.", "Kota Administrasi Jakarta Selatan");
        await venue.Institution.FillAsync("Perpustakaan Nasional RI");
        Assert.InRange(await venue.ScrollWidthAsync(), 0, 360);
        await venue.ScreenshotAsync("venue-other-province-360.png");
        await venue.Send.ClickAsync();

        await Expect(venue.Confirmation).ToContainTextAsync("Dra. Nurhayati, M.Hum.");
        var attendee = Assert.Single((await OrganizerDesk.DayAsync(session.Api, VenueSession.Today, Ct)).GetProperty("attendees").EnumerateArray());
        Assert.Contains("Jakarta Selatan", attendee.ToString(), StringComparison.Ordinal);
        Assert.Contains("Daerah Khusus Ibukota Jakarta", attendee.ToString(), StringComparison.Ordinal);
        Assert.Empty(venue.Problems);
    }

    [Fact]
    public async Task The_queue_has_one_sender_when_the_connection_returns_the_timer_fires_and_the_button_is_tapped_at_once()
    {
        await using var session = await VenueSession.StartAsync(azurite, chromium);
        var posts = 0;
        var holding = false;
        var hold = new TaskCompletionSource();
        var venue = await session.OpenAsync(prepare: async page =>
        {
            await page.Clock.InstallAsync();
            await page.RouteAsync("**/form?**", async route =>
            {
                // Once the sign-in is kept, every post is counted and held unanswered, as on a slow connection.
                if (route.Request.Method == "POST" && Volatile.Read(ref holding))
                {
                    Interlocked.Increment(ref posts);
                    await hold.Task;
                }

                await route.ContinueAsync();
            });
        });
        await session.Phone.SetOfflineAsync(true);
        await venue.FillAsync("Agus Salim", "Kabupaten Lampung Tengah");
        await venue.Send.ClickAsync();
        await Expect(venue.Waiting).ToContainTextAsync("Agus Salim");
        Volatile.Write(ref holding, true);

        await session.Phone.SetOfflineAsync(false);
        await venue.Page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await venue.Page.Clock.RunForAsync(15_000);
        await venue.Waiting.GetByRole(AriaRole.Button, new() { Name = "Coba kirim sekarang" }).ClickAsync();
        await Task.Delay(300, Ct);
        var whileHeld = Volatile.Read(ref posts);
        hold.SetResult();

        await Expect(venue.Sent).ToContainTextAsync("Agus Salim");
        Assert.Equal(1, whileHeld);
        Assert.Equal(["Agus Salim"], await session.NamesAsync());
    }
}
