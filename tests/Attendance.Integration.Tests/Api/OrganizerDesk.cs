namespace Attendance.Integration.Tests.Api;

/// <summary>What the organizer does through the API in these tests: register the Lampung event, read its lists.</summary>
internal static class OrganizerDesk
{
    /// <summary>Registers the Lampung training with the admin key and returns the answer (formToken, formUrl).</summary>
    public static async Task<JsonElement> RegisterLampungAsync(ApiServer api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}") { Content = JsonContent.Create(Lampung.Registration) };
        request.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>The day's attendance list as JSON, with the function key.</summary>
    public static async Task<JsonElement> DayAsync(ApiServer api, string date, CancellationToken cancellationToken) =>
        await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}/attendance?date={date}", cancellationToken);

    /// <summary>The names on the day's list.</summary>
    public static async Task<List<string>> NamesAsync(ApiServer api, string date, CancellationToken cancellationToken) =>
        [.. (await DayAsync(api, date, cancellationToken)).GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("fullName").GetString()!)];
}
