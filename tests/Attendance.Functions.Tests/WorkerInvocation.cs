using System.Text;

namespace Attendance.Functions.Tests;

/// <summary>
/// One HTTP invocation as the worker's ASP.NET Core integration makes it: the request on a fresh HttpContext (a body
/// starting with <c>{</c> is sent as JSON, any other as a posted form), the function class created by
/// ActivatorUtilities as the worker's activator does, and the returned <see cref="IResult"/> executed against the
/// context. No ASP.NET middleware runs: the handlers send their headers and apply the rate limit themselves.
/// </summary>
internal static class WorkerInvocation
{
    public static async Task<FunctionResponse> InvokeAsync(
        IServiceProvider provider,
        string method,
        string url,
        Func<Invocation, Task<IResult>> function,
        string? body = null,
        string? forwardedFor = null,
        string host = TestSettings.AppHostName)
    {
        var uri = new Uri(new Uri($"https://{host}"), url);
        var context = new DefaultHttpContext { RequestServices = provider, TraceIdentifier = Guid.NewGuid().ToString("N") };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString(host);
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        if (forwardedFor is not null)
        {
            // The platform's front end appends the client's address and port; what the client claimed comes first.
            context.Request.Headers["X-Forwarded-For"] = $"10.9.9.9, {forwardedFor}:50123";
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        var result = await function(new Invocation(context.Request, provider));
        await result.ExecuteAsync(context);
        return new FunctionResponse(context.Response.StatusCode, context.Response.Headers, ((MemoryStream)context.Response.Body).ToArray());
    }
}

/// <summary>The invocation's request, and the function class to run as the worker would create it.</summary>
internal sealed record Invocation(HttpRequest Request, IServiceProvider Provider)
{
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Provider);
}

/// <summary>What the executed result wrote: status, headers and body.</summary>
internal sealed record FunctionResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public string ContentType => Headers.ContentType.ToString();

    public string Location => Headers.Location.ToString();

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
