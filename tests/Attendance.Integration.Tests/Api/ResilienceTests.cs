namespace Attendance.Integration.Tests.Api;

public sealed class ResilienceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Storage_down_gives_503_with_Retry_After_and_the_retry_after_recovery_is_stored_once()
    {
        // An emulator of its own: stopping the shared one would fail other tests.
        await using var storage = new AzuriteFixture();
        await storage.InitializeAsync();
        await using var api = await ApiServer.StartWithLampungAsync(storage.ConnectionString);
        var fields = Lampung.Submission("Yusuf Maulana");

        await storage.StopAsync(Ct);
        using var down = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        using var health = await api.Anonymous.GetAsync("health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("30", down.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        await storage.StartAsync(Ct);
        using var retried = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        using var again = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Theory]
    [InlineData(0, HttpStatusCode.ServiceUnavailable)]
    [InlineData(1, HttpStatusCode.OK)]
    public async Task A_response_lost_after_storage_applied_it_is_not_stored_twice(int pipelineRetries, HttpStatusCode firstAnswer)
    {
        // Without retries the client sees 503 and retries itself; with them the pipeline's retry meets the
        // committed transaction and the first answer is already the duplicate receipt. Either way: stored once.
        var faults = new FaultInjectionPolicy { Selects = m => m.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) };
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: s => s.AddStoragePipelinePolicy(faults),
            settings: new Dictionary<string, string?> { ["AttendanceStorage:MaxRetries"] = pipelineRetries.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var fields = Lampung.Submission("Putu Ayu");

        faults.Reset(failRequestNumber: 1, afterStorageApplied: true);
        using var first = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.True(faults.Fired);
        Assert.Equal(firstAnswer, first.StatusCode);

        using var retry = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("duplicate", (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(1, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Concurrent_posts_to_one_event_are_numbered_without_gaps_and_a_double_tap_is_stored_once()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);

        var posts = Enumerable.Range(0, 32).Select(i => api.Client.PostAsJsonAsync("submissions", Lampung.Submission($"Peserta {i}"), Ct))
            .Concat(Enumerable.Range(0, 8).Select(_ => api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Double Tap"), Ct)));
        var responses = await Task.WhenAll(posts);

        Assert.Equal(33, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var store = api.Services.GetRequiredService<SubmissionStore>();
        Assert.Equal(33, await store.GetLastSequenceAsync(Lampung.EventId, Ct));
        var sequences = await store.ReadAsync(Lampung.EventId, 0, 33, Ct).Select(s => s.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, 33).Select(i => (long)i), sequences);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
