using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Attendance.Integration.Tests.Api;

/// <summary>A store that loses a table heals without a restart, and lost ETag races are never a 500.</summary>
public sealed class StoreHealingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_submissions_table_deleted_under_the_running_service_is_created_again_on_the_next_post()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var before = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Ani Lestari"), Ct);
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        await Tables(api).DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        using var after = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Santoso"), Ct);
        using var read = await api.Client.GetAsync($"events/{Lampung.EventId}", Ct);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("attendance").GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task Reads_of_a_deleted_table_answer_and_health_creates_it_again()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var first = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Ani Lestari"), Ct);
        await Tables(api).DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);

        // The event's counts read an empty store: the data went with the table, the service stays up.
        using var read = await api.Client.GetAsync($"events/{Lampung.EventId}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        await Tables(api).DeleteTableAsync(api.Settings["Store:SubmissionsTable"], Ct);
        await Tables(api).DeleteTableAsync(api.Settings["Store:EventsTable"], Ct);
        using var health = await api.Anonymous.GetAsync("health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var names = await Tables(api).QueryAsync(cancellationToken: Ct).Select(t => t.Name).ToListAsync(Ct);
        Assert.Contains(api.Settings["Store:SubmissionsTable"], names);
        Assert.Contains(api.Settings["Store:EventsTable"], names);
    }

    [Fact]
    public async Task An_events_table_deleted_under_the_running_service_is_created_again_when_an_event_is_saved()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        await Tables(api).DeleteTableAsync(api.Settings["Store:EventsTable"], Ct);

        using var missing = await api.Client.GetAsync($"events/{Lampung.EventId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}") { Content = JsonContent.Create(Lampung.Registration) };
        put.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var saved = await api.Anonymous.SendAsync(put, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }

    [Fact]
    public async Task An_event_save_that_keeps_losing_the_ETag_race_is_a_503_with_Retry_After_never_a_500()
    {
        // Every conditional update of the events table carries a stale ETag, as when other writers always win.
        var stale = new StaleETagPolicy();
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: s => s.AddStoragePipelinePolicy(stale));
        stale.Active = true;

        using var put = new HttpRequestMessage(HttpMethod.Put, $"events/{Lampung.EventId}") { Content = JsonContent.Create(Lampung.Registration) };
        put.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var response = await api.Anonymous.SendAsync(put, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(stale.Replaced >= 10, $"{stale.Replaced} stale updates");
    }

    private static TableServiceClient Tables(ApiServer api) => api.Services.GetRequiredService<TableServiceClient>();

    private sealed class StaleETagPolicy : HttpPipelineSynchronousPolicy
    {
        public volatile bool Active;

        private int replaced;

        public int Replaced => Volatile.Read(ref replaced);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (Active && message.Request.Headers.Contains("If-Match"))
            {
                message.Request.Headers.SetValue("If-Match", "W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"");
                Interlocked.Increment(ref replaced);
            }
        }
    }
}
