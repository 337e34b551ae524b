using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Attendance.Api;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Venue;

/// <summary>
/// Token buckets for the public sign-in routes (<see cref="VenueRateLimitOptions"/>) and their 429 answer
/// (<see cref="TooMany"/>), checked by the handler itself so the Functions app limits as the local server does, and
/// before any other work: no storage read, no body read.
/// <list type="bullet">
/// <item>per sign-in link and client address: a hotel's whole training behind one address fits, a script hammering one link gets 429;</item>
/// <item>per client address across every event: a flood that rotates the event in the path (<c>/api/events/amp-{i}/form</c>)
/// meets a bucket it cannot rotate;</item>
/// <item>refusals per client address: every request refused for its link (an unknown event, a wrong or missing token)
/// spends from a small bucket, and an address that has spent it is answered 429 before its next request is looked at.
/// Participants with the printed link never spend it.</item>
/// </list>
/// Buckets live in this process: each Functions instance counts on its own, which still stops a flood from one address.
/// </summary>
public sealed class VenueRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> perLink;
    private readonly PartitionedRateLimiter<string> perAddress;
    private readonly PartitionedRateLimiter<string> refusals;

    // Addresses that spent their refusals, with the tick count (ms) until which they are refused unread.
    private readonly ConcurrentDictionary<string, long> blocked = new(StringComparer.Ordinal);
    private readonly ILogger<VenueRateLimiter> logger;
    private readonly TimeProvider time;

    // When each kind of refusal was last logged: a flood is one warning a minute, not one per request. Keyed by kind,
    // not by event: a flood that rotates event ids must not grow this map.
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastLogged = new(StringComparer.Ordinal);

    public VenueRateLimiter(IOptions<VenueRateLimitOptions> options, ILogger<VenueRateLimiter> logger, TimeProvider time)
    {
        this.logger = logger;
        this.time = time;
        var o = options.Value;
        perLink = Buckets(o.RateLimitBurst, o.RateLimitPerMinute);
        perAddress = Buckets(o.RateLimitAddressBurst, o.RateLimitAddressPerMinute);
        refusals = Buckets(o.RefusalBurst, o.RefusalsPerMinute);
    }

    /// <summary>Null when the request may go on, else the seconds the client should wait.</summary>
    public int? Check(HttpRequest request, string eventId)
    {
        var address = ClientAddress(request);

        if (blocked.TryGetValue(address, out var until))
        {
            var wait = until - Environment.TickCount64;
            if (wait > 0)
            {
                return Refused((int)Math.Ceiling(wait / 1000.0), "refusals", eventId);
            }

            blocked.TryRemove(KeyValuePair.Create(address, until));
        }

        using var wide = perAddress.AttemptAcquire(address);
        if (!wide.IsAcquired)
        {
            return Refused(wide, "address", eventId);
        }

        using var link = perLink.AttemptAcquire($"{eventId}\n{address}");
        return link.IsAcquired ? null : Refused(link, "link", eventId);
    }

    /// <summary>Counts a request refused for its link (unknown event, wrong or missing token) against its address.</summary>
    public void RecordRefusal(HttpRequest request)
    {
        var address = ClientAddress(request);
        using var lease = refusals.AttemptAcquire(address);
        if (!lease.IsAcquired)
        {
            // Spent: the address waits until its bucket holds a refusal again. (A bucket cannot be asked whether it holds
            // a whole token without taking it: it refills in fractions, so a zero-permit probe passes at 0.01.)
            blocked[address] = Environment.TickCount64 + (RetryAfterSeconds(lease) * 1000L);
            if (blocked.Count > MaxBlockedBeforeSweep)
            {
                // Entries otherwise go only when their address comes back: addresses that never do must not pile up.
                var now = Environment.TickCount64;
                foreach (var entry in blocked.Where(e => e.Value <= now))
                {
                    blocked.TryRemove(entry);
                }
            }
        }
    }

    /// <summary>How many blocked addresses are kept before the expired ones are swept out.</summary>
    internal const int MaxBlockedBeforeSweep = 4096;

    /// <summary>How many addresses are blocked now, expired ones not yet swept included.</summary>
    internal int BlockedAddresses => blocked.Count;

    private int Refused(RateLimitLease lease, string kind, string eventId) => Refused(RetryAfterSeconds(lease), kind, eventId);

    private int Refused(int retryAfterSeconds, string kind, string eventId)
    {
        var now = time.GetUtcNow();
        if (!lastLogged.TryGetValue(kind, out var logged) || now - logged >= TimeSpan.FromMinutes(1))
        {
            lastLogged[kind] = now;
            FormsLog.RateLimited(logger, kind, Identifiers.IsValid(eventId) ? eventId : "(invalid id)");
        }

        return retryAfterSeconds;
    }

    private static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;

    private static PartitionedRateLimiter<string> Buckets(int burst, int perMinute)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>
    /// The client's address: the last <c>X-Forwarded-For</c> entry, which the platform's front end appended (the
    /// Functions host forwards requests to the worker from this machine, so the connection's address is the host's),
    /// else the connection's. The header is believed only from a connection on this machine (the Functions host, or a
    /// proxy beside the local server): a client that reaches the local server directly could write any address in it.
    /// Earlier entries are whatever the client claimed and are not trusted either. An IPv6 address counts by its /64
    /// network, which one site or phone gets whole: a client could otherwise take a fresh address per request.
    /// </summary>
    public static string ClientAddress(HttpRequest request)
    {
        var connection = request.HttpContext.Connection.RemoteIpAddress;
        var forwarded = connection is null || IPAddress.IsLoopback(connection) ? request.Headers["X-Forwarded-For"].ToString() : null;
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var last = forwarded.Split(',')[^1].Trim();
            return IPEndPoint.TryParse(last, out var endpoint) ? Network(endpoint.Address) : last;
        }

        return connection is null ? "unknown" : Network(connection);
    }

    /// <summary>An IPv4 address as is (IPv4-mapped IPv6 too); an IPv6 address as its /64 network.</summary>
    internal static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The 429 answer, as a page for a browser and as problem details for an API client.</summary>
    public static IResult TooMany(int retryAfterSeconds, bool wantsHtml) =>
        ApiProblems.WithRetryAfter(wantsHtml
            ? TypedResults.Content(MessagePage.Render("Terlalu banyak permintaan",
                    $"Terlalu banyak yang mengirim dari jaringan ini dalam waktu singkat. Coba lagi dalam {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} detik."),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests)
            : TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                detail: $"Sign-in links take a limited number of requests per address; retry after {retryAfterSeconds} seconds."),
            retryAfterSeconds);

    public void Dispose()
    {
        perLink.Dispose();
        perAddress.Dispose();
        refusals.Dispose();
    }
}
