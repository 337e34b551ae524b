namespace Attendance.Integration.Tests.Api;

/// <summary>
/// The day a venue sign-in is stored for is a day the server saw: today, or for a sign-in the page kept offline the day
/// the server served its page (the page's signed stamp), never a day the client states.
/// </summary>
public sealed partial class VenueDayTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("2023-06-05T14:08:57+07:00")]
    [InlineData("06/05/2023 14:08:57 +07:00")]
    public async Task A_check_in_time_of_yesterday_stated_by_the_client_stores_the_sign_in_for_today(string yesterday)
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Fields("Dewi Anggraini");
        fields["checkInAt"] = yesterday;
        fields["keptOffline"] = "1";

        using var posted = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
        Assert.Equal(["Dewi Anggraini"], await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
    }

    [Fact]
    public async Task A_sign_in_for_yesterday_without_its_pages_stamp_is_refused_naming_sessionDate_and_stores_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(new DateTimeOffset(2023, 6, 7, 7, 30, 0, Wib)));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Fields("Dewi Anggraini");
        fields["sessionDate"] = "2023-06-06";
        fields["checkInAt"] = "2023-06-06T16:00:00+07:00";
        fields["keptOffline"] = "1";

        using var posted = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("sessionDate", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
    }

    [Fact]
    public async Task A_stamp_of_another_event_or_an_altered_one_dates_nothing_and_the_sign_in_is_for_today()
    {
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 6, 16, 0, 0, Wib));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var otherToken = await api.RegisterEventAsync("bimtek-spptik-bengkulu-2023", Lampung.Registration);
        var otherStamp = await StampAsync(api, $"events/bimtek-spptik-bengkulu-2023/form?token={Uri.EscapeDataString(otherToken)}");
        var stamp = await StampAsync(api, formUrl);
        var seconds = long.Parse(stamp.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        var altered = $"{seconds - 86_000}.{stamp.Split('.')[1]}";

        clock.Now = new DateTimeOffset(2023, 6, 7, 8, 0, 0, Wib);
        foreach (var (name, forged) in new[] { ("Rudi Hartono", otherStamp), ("Sri Wahyuni", altered) })
        {
            var fields = Fields(name);
            fields["pageStamp"] = forged;
            fields["keptOffline"] = "1";
            fields["checkInAt"] = "2023-06-06T16:05:00+07:00";
            using var posted = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
        Assert.Equal(["Rudi Hartono", "Sri Wahyuni"], (await OrganizerDesk.NamesAsync(api, "2023-06-07", Ct)).Order());
    }

    [Fact]
    public async Task A_sign_in_kept_with_its_pages_stamp_is_stored_for_the_day_the_page_was_served_and_one_sent_online_from_a_stale_page_for_today()
    {
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 6, 16, 0, 0, Wib));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var stamp = await StampAsync(api, formUrl);

        clock.Now = new DateTimeOffset(2023, 6, 7, 7, 30, 0, Wib);
        var kept = Fields("Dewi Anggraini");
        kept["pageStamp"] = stamp;
        kept["keptOffline"] = "1";
        kept["checkInAt"] = "2023-06-06T16:02:00+07:00";
        var online = Fields("Yusuf Maulana");
        online["pageStamp"] = stamp;
        using var keptPost = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(kept), Ct);
        using var onlinePost = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(online), Ct);

        Assert.Equal(HttpStatusCode.Created, keptPost.StatusCode);
        Assert.Equal(HttpStatusCode.Created, onlinePost.StatusCode);
        Assert.Equal(["Dewi Anggraini"], await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
        Assert.Equal(["Yusuf Maulana"], await OrganizerDesk.NamesAsync(api, "2023-06-07", Ct));
    }

    [Fact]
    public async Task A_sign_in_kept_on_the_last_day_and_sent_the_next_morning_is_stored_for_the_last_day_until_that_day_ends()
    {
        // The page is served early on the last day; the sign-in is made half an hour later without a connection.
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 8, 7, 30, 0, Wib));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var stamp = await StampAsync(api, formUrl);
        var kept = Kept("Dewi Anggraini", stamp, "2023-06-08T08:00:00+07:00");
        var late = Kept("Rudi Hartono", stamp, "2023-06-08T08:05:00+07:00");

        // More than 24 hours after the serving, the next morning: the form is closed, the stamp still dates the sign-in.
        clock.Now = new DateTimeOffset(2023, 6, 9, 8, 0, 0, Wib);
        using var nextMorning = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(kept), Ct);
        clock.Now = new DateTimeOffset(2023, 6, 10, 0, 0, 0, Wib);
        using var dayAfterEnded = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(late), Ct);

        Assert.Equal(HttpStatusCode.Created, nextMorning.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dayAfterEnded.StatusCode);
        Assert.Equal(["Dewi Anggraini"], await OrganizerDesk.NamesAsync(api, "2023-06-08", Ct));
    }

    [Fact]
    public async Task A_sign_in_kept_on_a_page_left_open_overnight_is_stored_for_the_day_it_was_made_never_before_the_page_was_served()
    {
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 6, 16, 0, 0, Wib));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var stamp = await StampAsync(api, formUrl);

        // The next morning, offline at the venue, the page still holds yesterday in its hidden sessionDate.
        clock.Now = new DateTimeOffset(2023, 6, 7, 9, 0, 0, Wib);
        var today = Kept("Dewi Anggraini", stamp, "2023-06-07T08:30:00+07:00");
        today["sessionDate"] = "2023-06-06";
        // A phone whose clock says the day before the page was served gets the serving day, no earlier.
        var before = Kept("Rudi Hartono", stamp, "2023-06-05T10:00:00+07:00");
        using var todayPost = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(today), Ct);
        using var beforePost = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(before), Ct);

        Assert.Equal(HttpStatusCode.Created, todayPost.StatusCode);
        Assert.Equal(HttpStatusCode.Created, beforePost.StatusCode);
        Assert.Equal(["Dewi Anggraini"], await OrganizerDesk.NamesAsync(api, "2023-06-07", Ct));
        Assert.Equal(["Rudi Hartono"], await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
    }

    [Fact]
    public async Task A_kept_sign_in_refused_for_a_field_comes_back_still_kept_so_its_correction_keeps_its_day()
    {
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 6, 16, 0, 0, Wib));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var stamp = await StampAsync(api, formUrl);
        clock.Now = new DateTimeOffset(2023, 6, 7, 7, 30, 0, Wib);
        var kept = Kept("Dewi Anggraini", stamp, "2023-06-06T16:02:00+07:00");
        kept["email"] = "dewi@";

        using var request = new HttpRequestMessage(HttpMethod.Post, formUrl) { Content = new FormUrlEncodedContent(kept) };
        request.Headers.Accept.ParseAdd("text/html");
        using var refused = await api.Anonymous.SendAsync(request, Ct);
        var page = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<input type=\"hidden\" name=\"keptOffline\" value=\"1\">", page, StringComparison.Ordinal);
        Assert.Equal(stamp, StampField().Match(page).Groups[1].Value);

        // The corrected form, as the page sends it: its hidden fields and the fixed email.
        var corrected = new Dictionary<string, string>(kept) { ["email"] = "dewi@perpus.id", ["sessionDate"] = "2023-06-07" };
        using var sent = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(corrected), Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(["Dewi Anggraini"], await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
    }

    /// <summary>The stamp the server signed into the page at <paramref name="url"/>.</summary>
    internal static async Task<string> StampAsync(ApiServer api, string url)
    {
        using var page = await api.Anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return StampField().Match(await page.Content.ReadAsStringAsync(Ct)).Groups[1].Value is { Length: > 0 } stamp
            ? stamp
            : throw new Xunit.Sdk.XunitException("The page carries no pageStamp.");
    }

    private static Dictionary<string, string> Fields(string name)
    {
        var fields = Lampung.Submission(name);
        fields.Remove("eventId");
        fields.Remove("sessionDate");
        return fields;
    }

    /// <summary>A sign-in the page kept offline: its page's stamp, the mark and the time the phone says Kirim was pressed.</summary>
    private static Dictionary<string, string> Kept(string name, string stamp, string checkInAt)
    {
        var fields = Fields(name);
        fields["pageStamp"] = stamp;
        fields["keptOffline"] = "1";
        fields["checkInAt"] = checkInAt;
        return fields;
    }

    [GeneratedRegex("name=\"pageStamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampField();
}
