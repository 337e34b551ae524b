using System.Net;
using Microsoft.AspNetCore.Http;

namespace Attendance.Core.Tests.Venue;

public sealed class ClientAddressTests
{
    [Fact]
    public void Behind_the_functions_host_the_last_forwarded_entry_is_the_client()
    {
        Assert.Equal("203.0.113.7", VenueRateLimiter.ClientAddress(Request(IPAddress.Loopback, "10.9.9.9, 203.0.113.7:50123")));
        Assert.Equal("203.0.113.7", VenueRateLimiter.ClientAddress(Request(null, "203.0.113.7")));
    }

    [Fact]
    public void A_client_reaching_the_server_directly_cannot_choose_its_address_with_the_header()
    {
        Assert.Equal("198.51.100.20", VenueRateLimiter.ClientAddress(Request(IPAddress.Parse("198.51.100.20"), "203.0.113.7")));
    }

    [Fact]
    public void An_IPv6_client_counts_by_its_64_network_so_rotating_addresses_within_it_gains_nothing()
    {
        var one = VenueRateLimiter.ClientAddress(Request(IPAddress.Parse("2001:db8:12:34:aaaa:bbbb:cccc:1"), ""));
        var other = VenueRateLimiter.ClientAddress(Request(IPAddress.Parse("2001:db8:12:34::ffff:2"), ""));
        Assert.Equal("2001:db8:12:34::/64", one);
        Assert.Equal(one, other);
        Assert.NotEqual(one, VenueRateLimiter.ClientAddress(Request(IPAddress.Parse("2001:db8:12:35::1"), "")));
        Assert.Equal("2001:db8:12:34::/64", VenueRateLimiter.ClientAddress(Request(IPAddress.Loopback, "[2001:db8:12:34::9]:443")));
        Assert.Equal("203.0.113.7", VenueRateLimiter.ClientAddress(Request(IPAddress.Parse("::ffff:203.0.113.7"), "")));
    }

    private static HttpRequest Request(IPAddress? connection, string forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = connection;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context.Request;
    }
}
