using Azure.Data.Tables;

namespace Attendance.Integration.Tests.Api;

/// <summary>An event's dates and its stored attendance stay consistent, and verify reports when they are not.</summary>
public sealed class EventDatesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task New_dates_that_leave_stored_attendance_outside_are_a_409_naming_the_days_and_change_nothing()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-05"));
        await PostAsync(api, Lampung.Submission("Budi Santoso", day: "2023-06-05"));
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-08"));

        using var shorter = await PutAsync(api, "2023-06-06", "2023-06-07");

        Assert.Equal(HttpStatusCode.Conflict, shorter.StatusCode);
        Assert.Equal("application/problem+json", shorter.Content.Headers.ContentType?.MediaType);
        var message = (await shorter.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("startDate")[0].GetString();
        Assert.Contains("2023-06-05 (2 attendances)", message, StringComparison.Ordinal);
        Assert.Contains("2023-06-08 (1 attendance)", message, StringComparison.Ordinal);
        var read = await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}", Ct);
        Assert.Equal("2023-06-05", read.GetProperty("startDate").GetString());
        Assert.Equal("2023-06-08", read.GetProperty("endDate").GetString());
    }

    [Theory]
    [InlineData("2023-06-05", "2023-06-08")]
    [InlineData("2023-06-04", "2023-06-09")]
    [InlineData("2023-06-05", "2023-06-06")]
    public async Task Dates_that_keep_every_stored_attendance_inside_are_saved(string start, string end)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-05"));
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-06"));
        using var saved = await PutAsync(api, start, end);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var stored = await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}", Ct);
        Assert.Equal((start, end), (stored.GetProperty("startDate").GetString(), stored.GetProperty("endDate").GetString()));
    }

    [Fact]
    public async Task Verify_reports_attendance_outside_its_events_dates()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-05"));
        await PostAsync(api, Lampung.Submission("Ani Lestari", day: "2023-06-07"));
        var reconciliation = api.Services.GetRequiredService<Reconciliation>();
        Assert.Empty(await reconciliation.FindOutsideEventDatesAsync(Ct));

        // Stored data edited by hand (or dates changed by a version without the check): the event now starts later.
        var events = api.Services.GetRequiredService<TableServiceClient>().GetTableClient(api.Settings["Store:EventsTable"]);
        var entity = (await events.GetEntityAsync<TableEntity>("event", Lampung.EventId, cancellationToken: Ct)).Value;
        entity["StartDate"] = "2023-06-06";
        await events.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, Ct);

        var outside = Assert.Single(await reconciliation.FindOutsideEventDatesAsync(Ct));
        Assert.Equal((Lampung.EventId, new DateOnly(2023, 6, 5), 1), (outside.EventId, outside.SessionDate, outside.Attendances));
        Assert.Equal(new DateOnly(2023, 6, 6), outside.StartDate);
    }

    private static async Task PostAsync(ApiServer api, Dictionary<string, string> fields)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(ApiServer api, string start, string end)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}")
        {
            Content = JsonContent.Create(new { name = "Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung", startDate = start, endDate = end, province = "Lampung" }),
        };
        put.Headers.Add("x-functions-key", ApiServer.AdminKey);
        return await api.Anonymous.SendAsync(put, Ct);
    }
}
