using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// Strangers get no free work from the public sign-in routes: the link's token is checked before the body is read, and
/// the limits hold per address across every event, so rotating the event in the path does not escape them.
/// </summary>
public sealed class FormLimitsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_post_with_a_wrong_or_missing_token_is_401_before_its_body_is_decoded_or_measured()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);

        // Not gzip at all: decoding it would be a 400. Two MiB: measuring it would be a 413.
        using var broken = new ByteArrayContent([1, 2, 3, 4, 5, 6, 7, 8]);
        broken.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        broken.Headers.ContentEncoding.Add("gzip");
        using var notGzip = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token=wrong", broken, Ct);
        using var huge = new StringContent("fullName=" + new string('a', 2 * 1024 * 1024), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var tooLarge = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token=wrong", huge, Ct);

        // A token only in the body is not looked at: the link carries it.
        using var inBody = new FormUrlEncodedContent(new Dictionary<string, string> { ["formToken"] = token, ["fullName"] = "Budi Santoso" });
        using var bodyToken = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form", inBody, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, notGzip.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bodyToken.StatusCode);
        Assert.Contains("?token=", await bodyToken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_gzip_posts_rotating_the_event_in_the_path_meets_429_with_Retry_After()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var bomb = Bomb();
        var answers = new Dictionary<HttpStatusCode, int>();
        RetryConditionHeaderValue? retryAfter = null;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            using var content = new ByteArrayContent(bomb);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            content.Headers.ContentEncoding.Add("gzip");
            using var response = await api.Anonymous.PostAsync($"events/amp-{i}/form?token=x", content, Ct);
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            retryAfter ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter : null;
        }

        // The default allows 100 refusals per address (and the one that finds them spent); everything after is 429, unread.
        // The bucket refills on the real clock (the framework's token bucket takes no TimeProvider), one refusal every
        // 2 s at the default 30 a minute, and each refill lets at most one more 401 through: a slow, loaded machine may
        // see a few, never the flood's worth.
        var refills = (int)Math.Ceiling(stopwatch.Elapsed.TotalSeconds / 2) + 1;
        var refused = answers.GetValueOrDefault(HttpStatusCode.Unauthorized);
        Assert.InRange(refused, 101, 101 + refills);
        Assert.Equal(300 - refused, answers.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        Assert.InRange(retryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Valid_links_of_several_events_share_one_limit_per_address()
    {
        var settings = new Dictionary<string, string?> { ["Forms:RateLimitAddressBurst"] = "10", ["Forms:RateLimitAddressPerMinute"] = "1" };
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During), settings: settings);
        var links = new List<string>();
        foreach (var eventId in new[] { "bimtek-a-2023", "bimtek-b-2023", "bimtek-c-2023" })
        {
            links.Add($"events/{eventId}/form?token={Uri.EscapeDataString(await api.RegisterEventAsync(eventId, Lampung.Registration))}");
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var page = await api.Anonymous.GetAsync(links[i % links.Count], Ct);
            statuses.Add(page.StatusCode);
        }

        // Five requests per link stay far below its own limit (600); the address's limit across events stops the rest.
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    /// <summary>1 KiB or so of gzip that decodes to 1 MiB of form text.</summary>
    private static byte[] Bomb()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(System.Text.Encoding.ASCII.GetBytes("fullName=" + new string('a', (1024 * 1024) - 9)));
        }

        return compressed.ToArray();
    }
}
