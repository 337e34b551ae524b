using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attendance.Core.Tests.Venue;

public sealed class VenueRateLimiterTests
{
    [Fact]
    public void An_address_that_spent_its_refusals_is_refused_before_its_next_request_is_looked_at()
    {
        using var limiter = Limiter(new VenueRateLimitOptions { RefusalBurst = 3, RefusalsPerMinute = 1 });
        var stranger = Request("198.51.100.20");
        var looked = 0;
        while (limiter.Check(stranger, $"amp-{looked}") is null && looked < 10)
        {
            looked++;
            limiter.RecordRefusal(stranger);
        }

        // Three refusals, and the one that finds the bucket empty; then nothing more is looked at, on any link.
        Assert.Equal(4, looked);
        Assert.InRange(limiter.Check(stranger, "bimtek-lampung-2023")!.Value, 1, 60);
        Assert.Null(limiter.Check(Request("203.0.113.7"), "bimtek-lampung-2023"));
    }

    [Fact]
    public async Task Blocked_addresses_that_never_come_back_are_swept_once_their_block_has_passed()
    {
        // One refusal per address, refilled at once: each address's second refusal blocks it for the minimum second.
        using var limiter = Limiter(new VenueRateLimitOptions { RefusalBurst = 1, RefusalsPerMinute = 60_000 });
        for (var i = 0; i <= VenueRateLimiter.MaxBlockedBeforeSweep; i++)
        {
            var stranger = Request($"10.{i / 65536}.{i / 256 % 256}.{i % 256}");
            limiter.RecordRefusal(stranger);
            limiter.RecordRefusal(stranger);
        }

        Assert.NotEqual(0, limiter.BlockedAddresses);
        await Task.Delay(TimeSpan.FromSeconds(1.2), Ct);

        var last = Request("192.0.2.1");
        limiter.RecordRefusal(last);
        limiter.RecordRefusal(last);
        Assert.Equal(1, limiter.BlockedAddresses);
    }

    [Fact]
    public void Links_of_different_events_share_the_address_limit()
    {
        using var limiter = Limiter(new VenueRateLimitOptions { RateLimitAddressBurst = 4, RateLimitAddressPerMinute = 1 });
        var hotel = Request("198.51.100.20");

        var answers = Enumerable.Range(0, 6).Select(i => limiter.Check(hotel, $"event-{i}")).ToList();

        Assert.Equal(4, answers.Count(a => a is null));
        Assert.All(answers.Skip(4), a => Assert.InRange(a!.Value, 1, 60));
    }

    private static VenueRateLimiter Limiter(VenueRateLimitOptions options) =>
        new(Options.Create(options), NullLogger<VenueRateLimiter>.Instance, TimeProvider.System);

    private static HttpRequest Request(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context.Request;
    }
}
