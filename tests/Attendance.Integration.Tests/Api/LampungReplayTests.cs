namespace Attendance.Integration.Tests.Api;

public sealed class LampungReplayTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Replaying_the_Lampung_training_through_three_channels_with_retries_stores_each_attendance_once()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var replay = new LampungReplay();

        var outcome = await replay.PostAllAsync(api, Ct);

        Assert.Equal(48, replay.Participants.Count);
        Assert.Equal(replay.ExpectedAttendances, outcome.Created.Count);
        Assert.Equal(outcome.Created.Count, outcome.Created.Distinct().Count());
        Assert.True(outcome.Duplicates >= 40, $"only {outcome.Duplicates} duplicates were posted");
        var attendance = (await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}", Ct)).GetProperty("attendance");
        Assert.Equal(48, attendance.GetProperty("participants").GetInt32());
        var byDate = attendance.GetProperty("byDate").EnumerateObject().ToDictionary(d => d.Name, d => d.Value.GetInt32());
        Assert.Equal(LampungReplay.Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), byDate.Keys);
        Assert.Equal(replay.ExpectedAttendances, byDate.Values.Sum());
    }

    [Fact]
    public async Task The_venue_form_is_served_and_accepts_posts_only_with_the_events_token_while_it_runs()
    {
        var time = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, time);
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);

        using var page = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/form?token={token}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("name=\"fullName\"", html, StringComparison.Ordinal);
        // One day open (today in every Indonesian time zone): stated on the page and sent as a hidden field.
        Assert.Contains("<input type=\"hidden\" name=\"sessionDate\" value=\"2023-06-06\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2023-06-07", html, StringComparison.Ordinal);

        using var wrongToken = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/form?token=not-the-token", Ct);
        using var unknownEvent = await api.Anonymous.GetAsync($"events/no-such-event/form?token={token}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEvent.StatusCode);

        var fields = Lampung.Submission("Ratna Dewi", day: "2023-06-06");
        fields.Remove("eventId");
        var formUrl = $"events/{Lampung.EventId}/form?token={Uri.EscapeDataString(token)}";
        using var browser = new HttpRequestMessage(HttpMethod.Post, formUrl) { Content = new FormUrlEncodedContent(fields) };
        browser.Headers.Accept.ParseAdd("text/html");
        using var posted = await api.Anonymous.SendAsync(browser, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains("Terima kasih", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        fields["sessionDate"] = "2023-06-07";
        using var tomorrow = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Contains("today's attendance only", await tomorrow.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        time.Now = new DateTimeOffset(2023, 6, 9, 0, 0, 0, TimeSpan.FromHours(7));
        fields["sessionDate"] = "2023-06-08";
        using var closed = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        time.Now = Lampung.During;
        using var forged = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token=wrong", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
