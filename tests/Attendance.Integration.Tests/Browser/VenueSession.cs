namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// What every venue-page test starts from: the API on Azurite with its clock on the Lampung training's second day,
/// the event registered by the organizer, and a participant's phone in Chromium. A test then opens the link
/// (<see cref="OpenAsync"/>) and states only what it is about.
/// </summary>
internal sealed class VenueSession : IAsyncDisposable
{
    /// <summary>The day the clock stands on, whose list a sign-in lands in.</summary>
    public const string Today = "2023-06-06";

    private VenueSession(ApiServer api, ManualTime clock, IBrowserContext phone, string formUrl)
    {
        Api = api;
        Clock = clock;
        Phone = phone;
        FormUrl = formUrl;
    }

    public ApiServer Api { get; }

    /// <summary>The server's clock, on the training's second day until a test moves it (before or after the event).</summary>
    public ManualTime Clock { get; }

    /// <summary>The participant's phone: 360 px wide, Indonesian, Jakarta time (<see cref="ChromiumFixture.PhoneAsync"/>).</summary>
    public IBrowserContext Phone { get; }

    /// <summary>The venue link the organizer prints as a QR code.</summary>
    public string FormUrl { get; }

    public static async Task<VenueSession> StartAsync(AzuriteFixture azurite, ChromiumFixture chromium)
    {
        var clock = new ManualTime(Lampung.During);
        var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        try
        {
            var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;
            return new VenueSession(api, clock, await chromium.PhoneAsync(), formUrl);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> (the venue link when none) in a new tab of the phone, after <paramref name="prepare"/>
    /// has set up what the test intercepts or watches on the tab before it loads.
    /// </summary>
    public async Task<VenuePage> OpenAsync(string? url = null, Func<IPage, Task>? prepare = null)
    {
        var page = await Phone.NewPageAsync();
        var venue = new VenuePage(page);
        if (prepare is not null)
        {
            await prepare(page);
        }

        venue.Response = await page.GotoAsync(url ?? FormUrl);
        return venue;
    }

    /// <summary>The names on today's list, as the organizer's desk reads them.</summary>
    public Task<List<string>> NamesAsync() => OrganizerDesk.NamesAsync(Api, Today, Ct);

    /// <summary>The organizer rotates the link (a leaked QR code); returns the new one.</summary>
    public async Task<string> RotateLinkAsync()
    {
        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"events/{Lampung.EventId}/form-token");
        rotate.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var rotated = await Api.Anonymous.SendAsync(rotate, Ct);
        rotated.EnsureSuccessStatusCode();
        return (await rotated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formUrl").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Phone.DisposeAsync();
        await Api.DisposeAsync();
    }
}
