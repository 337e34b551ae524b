using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Forms;

/// <summary>
/// A token bucket per sign-in link and client address (<see cref="FormOptions"/>), checked by the handler itself so
/// the Functions app limits as the local server does. A hotel's whole training behind one address fits; a script
/// hammering one link is answered 429 with <c>Retry-After</c> before it reaches storage. Buckets live in this
/// process: each Functions instance counts on its own, which still stops a flood from one address.
/// </summary>
public sealed class FormRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly ILogger<FormRateLimiter> logger;
    private readonly TimeProvider time;

    // When each event's refusals were last logged: a flood is one warning a minute, not one per request.
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastLogged = new(StringComparer.Ordinal);

    public FormRateLimiter(IOptions<FormOptions> options, ILogger<FormRateLimiter> logger, TimeProvider time)
    {
        this.logger = logger;
        this.time = time;
        var o = options.Value;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.RateLimitBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / o.RateLimitPerMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>Null when the request may go on, else the seconds the client should wait.</summary>
    public int? Check(HttpRequest request, string eventId)
    {
        using var lease = limiter.AttemptAcquire($"{eventId}\n{ClientAddress(request)}");
        if (lease.IsAcquired)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!lastLogged.TryGetValue(eventId, out var logged) || now - logged >= TimeSpan.FromMinutes(1))
        {
            lastLogged[eventId] = now;
            FormsLog.RateLimited(logger, eventId);
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
    }

    /// <summary>
    /// The client's address: the last <c>X-Forwarded-For</c> entry, which the platform's front end appended (the
    /// Functions host forwards requests to the worker from this machine, so the connection's address is the host's),
    /// else the connection's. The header is believed only from a connection on this machine (the Functions host, or a
    /// proxy beside the local server): a client that reaches the local server directly could write any address in it.
    /// Earlier entries are whatever the client claimed and are not trusted either.
    /// </summary>
    public static string ClientAddress(HttpRequest request)
    {
        var connection = request.HttpContext.Connection.RemoteIpAddress;
        var forwarded = connection is null || IPAddress.IsLoopback(connection) ? request.Headers["X-Forwarded-For"].ToString() : null;
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var last = forwarded.Split(',')[^1].Trim();
            if (IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString();
            }

            return last;
        }

        return connection?.ToString() ?? "unknown";
    }

    /// <summary>The 429 answer, as a page for a browser and as problem details for an API client.</summary>
    public static IResult TooMany(int retryAfterSeconds, bool wantsHtml) =>
        ApiProblems.WithRetryAfter(wantsHtml
            ? TypedResults.Content(MessagePage.Render("Terlalu banyak permintaan",
                    $"Terlalu banyak yang mengirim dari jaringan ini dalam waktu singkat. Coba lagi dalam {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} detik."),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests)
            : TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                detail: $"This sign-in link takes a limited number of requests per address; retry after {retryAfterSeconds} seconds."),
            retryAfterSeconds);

    public void Dispose() => limiter.Dispose();
}
