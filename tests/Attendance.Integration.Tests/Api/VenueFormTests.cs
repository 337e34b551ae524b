namespace Attendance.Integration.Tests.Api;

/// <summary>The public venue page over real HTTP: its headers, its rate limit, its idempotency key, and its answers to a wrong link.</summary>
public sealed class VenueFormTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_answer_of_the_public_page_carries_the_security_headers()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Lampung.Submission("Budi Santoso", day: "2023-06-06");
        fields.Remove("eventId");

        using var page = await api.Anonymous.GetAsync(formUrl, Ct);
        using var posted = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
        using var wrong = await api.Anonymous.GetAsync(formUrl + "x", Ct);

        foreach (var response in new[] { page, posted, wrong })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Matches(@"script-src 'sha256-[A-Za-z0-9+/=]+';", csp);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }

        // The one inline script is the one the policy hashes.
        var html = await page.Content.ReadAsStringAsync(Ct);
        var script = html[(html.IndexOf("<script>", StringComparison.Ordinal) + 8)..html.IndexOf("</script>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"'sha256-{hash}'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
    }

    [Fact]
    public async Task A_training_of_240_signs_in_through_one_address_and_a_flood_after_it_gets_429_with_retry_after()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;

        for (var i = 1; i <= 240; i++)
        {
            using var page = await api.Anonymous.GetAsync(formUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var fields = Lampung.Submission($"Peserta {i:D3}", day: "2023-06-06");
            fields.Remove("eventId");
            using var posted = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 400 && refused is null; i++)
        {
            var response = await api.Anonymous.GetAsync(formUrl, Ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(240, (await OrganizerDesk.DayAsync(api, "2023-06-06", Ct)).GetProperty("count").GetInt32());
        // Another link is counted apart: the flood on one event does not close another's page.
        using var other = await api.Anonymous.GetAsync($"events/another-event/form?token=x", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task The_phones_key_makes_a_resent_sign_in_a_duplicate_and_a_client_chosen_submission_id_is_not_taken()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var key = Guid.NewGuid().ToString("N");
        var fields = Lampung.Submission("Rina Marlina", day: "2023-06-06");
        fields.Remove("eventId");
        fields["clientKey"] = key;
        fields["submissionId"] = "someone-elses-id";

        var first = await PostJsonAsync(api, formUrl, fields);
        var again = await PostJsonAsync(api, formUrl, fields);

        Assert.Equal(("created", $"venue-form:{key}"), first);
        Assert.Equal(("duplicate", $"venue-form:{key}"), again);
        var other = Lampung.Submission("Yusuf Maulana", day: "2023-06-06");
        other.Remove("eventId");
        other["submissionId"] = key;
        var (status, id) = await PostJsonAsync(api, formUrl, other);
        Assert.Equal("created", status);
        Assert.NotEqual($"venue-form:{key}", id);
        Assert.StartsWith("venue-form:", id, StringComparison.Ordinal);
        Assert.Equal(2, (await OrganizerDesk.DayAsync(api, "2023-06-06", Ct)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_wrong_closed_or_not_yet_open_link_gets_an_Indonesian_page_in_a_browser_and_problem_details_for_an_api_client()
    {
        var clock = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;

        var wrongHtml = await GetHtmlAsync(api, formUrl + "x");
        using var wrongJson = await api.Anonymous.GetAsync(formUrl + "x", Ct);
        clock.Now = new DateTimeOffset(2023, 6, 4, 20, 0, 0, TimeSpan.FromHours(7));
        var early = await GetHtmlAsync(api, formUrl);
        clock.Now = new DateTimeOffset(2023, 6, 9, 8, 0, 0, TimeSpan.FromHours(7));
        var late = await GetHtmlAsync(api, formUrl);
        using var lateJson = await api.Anonymous.GetAsync(formUrl, Ct);

        Assert.Equal((HttpStatusCode.Unauthorized, true), (wrongHtml.Status, wrongHtml.Body.Contains("Tautan tidak berlaku", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongJson.StatusCode);
        Assert.Equal("application/problem+json", wrongJson.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, early.Status);
        Assert.Contains("Daftar hadir belum dibuka", early.Body, StringComparison.Ordinal);
        Assert.Contains("Senin, 5 Juni 2023", early.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, late.Status);
        Assert.Contains("Daftar hadir sudah ditutup", late.Body, StringComparison.Ordinal);
        Assert.Contains("Kamis, 8 Juni 2023", late.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, lateJson.StatusCode);
        Assert.Equal("application/problem+json", lateJson.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Signing_in_again_later_names_the_day_and_time_of_the_attendance_already_recorded()
    {
        var clock = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Lampung.Submission("Rina Marlina", day: "2023-06-06");
        fields.Remove("eventId");
        fields["email"] = "rina@perpus.id";

        var first = await PostHtmlAsync(api, formUrl, fields);
        clock.Now = Lampung.During.AddMinutes(95);
        fields["fullName"] = "RINA MARLINA";
        var second = await PostHtmlAsync(api, formUrl, fields);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Contains("<strong>Rina Marlina</strong> tercatat pada <strong>Selasa, 6 Juni 2023</strong> pukul <strong>09.00 WIB</strong>", first.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("<strong>Rina Marlina</strong> pada <strong>Selasa, 6 Juni 2023</strong> sudah tercatat sebelumnya, pukul <strong>09.00 WIB</strong>", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_kept_on_the_phone_overnight_is_stored_for_the_day_it_was_made_even_after_the_event_closed()
    {
        var clock = new ManualTime(new DateTimeOffset(2023, 6, 8, 16, 0, 0, TimeSpan.FromHours(7)));
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Lampung.Submission("Dewi Anggraini", day: "2023-06-08");
        fields.Remove("eventId");
        fields["clientKey"] = Guid.NewGuid().ToString("N");
        fields["checkInAt"] = "2023-06-08T16:00:00+07:00";
        fields["pageStamp"] = await VenueDayTests.StampAsync(api, formUrl);
        fields["keptOffline"] = "1";

        // Made on the last day at 16:00 WIB, sent the next morning when the phone found a connection.
        clock.Now = new DateTimeOffset(2023, 6, 9, 7, 30, 0, TimeSpan.FromHours(7));
        var (status, body) = await PostHtmlAsync(api, formUrl, fields);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("Dewi Anggraini", body, StringComparison.Ordinal);
        Assert.Equal(1, (await OrganizerDesk.DayAsync(api, "2023-06-08", Ct)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_key_already_used_for_another_person_is_refused_on_the_page_and_stores_nothing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var key = Guid.NewGuid().ToString("N");
        var first = Lampung.Submission("Rudi Hartono", day: "2023-06-06");
        first.Remove("eventId");
        first["clientKey"] = key;
        var second = Lampung.Submission("Sri Wahyuni", day: "2023-06-06");
        second.Remove("eventId");
        second["clientKey"] = key;

        var (firstStatus, _) = await PostHtmlAsync(api, formUrl, first);
        var (status, body) = await PostHtmlAsync(api, formUrl, second);

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Isian belum dapat diterima", body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.Equal(1, (await OrganizerDesk.DayAsync(api, "2023-06-06", Ct)).GetProperty("count").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostHtmlAsync(ApiServer api, string formUrl, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, formUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Anonymous.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_sign_in_posted_as_JSON_to_the_link_is_taken_as_the_pages_form_post_is()
    {
        // A page of the organizer's own may post JSON with fetch(); the page's own fields (the phone's key, the stamp)
        // are read from it too. It answered 500 once: they were read after the JSON document was disposed.
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var key = Guid.NewGuid().ToString("N");
        var fields = Lampung.Submission("Rina Wati", day: "2023-06-06");
        fields.Remove("eventId");
        fields["clientKey"] = key;
        fields["keptOffline"] = "1";
        fields["pageStamp"] = "not-a-stamp";

        using var first = await api.Anonymous.PostAsJsonAsync(formUrl, fields, Ct);
        using var again = await api.Anonymous.PostAsJsonAsync(formUrl, fields, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"venue-form:{key}", (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_served_page_carries_no_form_token_in_its_body_because_the_link_alone_opens_it()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var (status, page) = await GetHtmlAsync(api, formUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("name=\"formToken\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(formUrl[(formUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..], page.Replace(formUrl, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trainer_from_another_province_is_taken_with_a_regency_of_that_province_and_a_regency_elsewhere_is_a_400_naming_it()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var trainer = Lampung.Submission("Dra. Nurhayati", regency: "Kota Administrasi Jakarta Selatan", day: "2023-06-06");
        trainer.Remove("eventId");
        trainer["province"] = "Daerah Khusus Ibukota Jakarta";
        var mixed = Lampung.Submission("Hendra Gunawan", regency: "Kabupaten Pesawaran", day: "2023-06-06");
        mixed.Remove("eventId");
        mixed["province"] = "Daerah Khusus Ibukota Jakarta";

        var (status, _) = await PostJsonAsync(api, formUrl, trainer);
        using var refused = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(mixed), Ct);

        Assert.Equal("created", status);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("regency", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("province", out _), errors.ToString());
        var day = await OrganizerDesk.DayAsync(api, "2023-06-06", Ct);
        Assert.Equal(1, day.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Without_script_a_changed_province_comes_back_with_its_own_regencies_and_the_regency_asked_again()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
        var fields = Lampung.Submission("Dra. Nurhayati", regency: "Kabupaten Pesawaran", day: "2023-06-06");
        fields.Remove("eventId");
        fields["province"] = "Daerah Khusus Ibukota Jakarta";

        using var request = new HttpRequestMessage(HttpMethod.Post, formUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Anonymous.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<option value=\"Daerah Khusus Ibukota Jakarta\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Daerah Khusus Ibukota Jakarta\" data-regencies=\"[^\"]*\" selected>", html);
        Assert.Contains("<option value=\"Kota Administrasi Jakarta Selatan\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"e-regency\">Kabupaten/kota tidak ditemukan di provinsi ini", html, StringComparison.Ordinal);
    }

    private static async Task<(string Status, string Id)> PostJsonAsync(ApiServer api, string formUrl, Dictionary<string, string> fields)
    {
        using var response = await api.Anonymous.PostAsync(formUrl, new FormUrlEncodedContent(fields), Ct);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (receipt.GetProperty("status").GetString()!, receipt.GetProperty("submissionId").GetString()!);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetHtmlAsync(ApiServer api, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var response = await api.Anonymous.SendAsync(request, Ct);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
