using Microsoft.AspNetCore.Http;

namespace Attendance.Venue;

/// <summary>
/// The headers of every public and organizer page, set by the handler so the Functions app (which has no ASP.NET
/// middleware pipeline) sends the same as the local server. The form token sits in the page's URL, so no referrer
/// leaves the page and nothing is cached.
/// </summary>
public static class SecurityHeaders
{
    /// <summary><paramref name="inner"/> with the headers added before it writes.</summary>
    public static IResult Add(IResult inner) => new HeaderedResult(inner);

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = PageAssets.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
    }

    private sealed class HeaderedResult(IResult inner) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            Apply(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
