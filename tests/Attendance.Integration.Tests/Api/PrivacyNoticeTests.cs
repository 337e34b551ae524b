using Microsoft.Extensions.Options;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// The privacy notice over real HTTP: the venue form names the event's contact and the retention setting beside its
/// button, its link opens the full notice for that event, and the notice without the form's token names no event.
/// </summary>
public sealed partial class PrivacyNoticeTests(AzuriteFixture azurite)
{
    private const string EventContact = "dispusip-privasi@lampungprov.go.id";
    private const string OfficeContact = "ppid@perpusnas.go.id";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Privacy:ContactRetention"] = "90.00:00:00",
        ["Privacy:Contact"] = OfficeContact,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_form_names_the_events_contact_and_the_retention_and_links_the_full_notice_of_that_event()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During), settings: Settings);
        var saved = await RegisterAsync(api, EventContact);
        Assert.Equal(EventContact, saved.GetProperty("privacyContact").GetString());
        var shown = await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}", Ct);
        Assert.Equal(EventContact, shown.GetProperty("privacyContact").GetString());

        var formUrl = new Uri(saved.GetProperty("formUrl").GetString()!);
        var form = await HtmlAsync(api, formUrl);
        var notice = NoticeBesideButton().Match(form);
        Assert.True(notice.Success, "The short notice does not stand just before the send button.");
        Assert.Contains("panitia Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung", notice.Value, StringComparison.Ordinal);
        Assert.Contains("dihapus 90 hari setelah hari terakhir kegiatan", notice.Value, StringComparison.Ordinal);
        Assert.Contains("hubungi " + EventContact, notice.Value, StringComparison.Ordinal);

        // The link holds no token; followed, the page's script gives it the form's own query (the browser test
        // clicks it): relative to the form's address, with its token.
        Assert.DoesNotContain("token", notice.Groups["href"].Value, StringComparison.Ordinal);
        var link = new Uri(formUrl, WebUtility.HtmlDecode(notice.Groups["href"].Value) + formUrl.Query);
        Assert.Equal($"/api/events/{Lampung.EventId}/privacy", link.AbsolutePath);
        using var response = await Get(api, link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var full = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung</h1>", full, StringComparison.Ordinal);
        Assert.Contains("<strong>" + EventContact + "</strong>", full, StringComparison.Ordinal);
        Assert.Contains("dihapus otomatis 90 hari", full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_event_contact_the_setting_is_named()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During), settings: Settings);
        var saved = await RegisterAsync(api, contact: null);

        var form = await HtmlAsync(api, new Uri(saved.GetProperty("formUrl").GetString()!));

        Assert.Contains("hubungi " + OfficeContact + ".", NoticeBesideButton().Match(form).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=not-the-events-token")]
    public async Task Without_the_forms_token_the_notice_names_no_event(string query)
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During), settings: Settings);
        await RegisterAsync(api, EventContact);

        using var response = await Get(api, new Uri(api.Anonymous.BaseAddress!, $"events/{Lampung.EventId}/privacy{query}"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Lampung", html, StringComparison.Ordinal);
        Assert.DoesNotContain(EventContact, html, StringComparison.Ordinal);
        Assert.Contains("<strong>" + OfficeContact + "</strong>", html, StringComparison.Ordinal);
        Assert.Contains("dihapus otomatis 90 hari", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retention_of_zero_stops_the_server_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(
            azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Privacy:ContactRetention"] = "00:00:00" }));

        Assert.Contains("Privacy__ContactRetention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_contact_longer_than_200_characters_is_refused_by_field()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));

        using var request = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}") { Content = JsonContent.Create(Registration(new string('a', 201))) };
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("privacyContact", out _));
    }

    private static Dictionary<string, string?> Registration(string? contact) => new()
    {
        ["name"] = "Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung",
        ["startDate"] = "2023-06-05",
        ["endDate"] = "2023-06-08",
        ["province"] = "Lampung",
        ["privacyContact"] = contact,
    };

    private static async Task<JsonElement> RegisterAsync(ApiServer api, string? contact)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}") { Content = JsonContent.Create(Registration(contact)) };
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<HttpResponseMessage> Get(ApiServer api, Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        return await api.Anonymous.SendAsync(request, Ct);
    }

    private static async Task<string> HtmlAsync(ApiServer api, Uri url)
    {
        using var response = await Get(api, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [GeneratedRegex("""<p class="privacy" id="privacy-notice">[^<]*<a href="(?<href>[^"]+)" data-with-query>[^<]+</a></p><button type="submit" aria-describedby="privacy-notice">""")]
    private static partial Regex NoticeBesideButton();
}
