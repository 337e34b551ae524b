using System.Security.Cryptography;
using System.Text;
using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Auth;

/// <summary>
/// Checks keys on the local server the way the Functions host does: the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter; function-level routes take the function or the admin key, admin routes only
/// the admin key; a missing or wrong key is 401, logged as the route's one request line by <see cref="ApiGuard"/>.
/// </summary>
public sealed class ApiKeyFilter(string route, ApiAuthLevel level, IOptions<AuthOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        return Allows(given) ? next(context) : RefuseAsync(context.HttpContext);
    }

    private async ValueTask<object?> RefuseAsync(HttpContext context)
    {
        var refusal = ApiProblems.Unauthorized(
            $"Send the {(level == ApiAuthLevel.Admin ? "admin" : "function")} key in the '{HeaderName}' header or the '{QueryName}' query parameter.");
        return await context.RequestServices.GetRequiredService<ApiGuard>().RunAsync(route, () => Task.FromResult(refusal), context.RequestAborted);
    }

    private bool Allows(string? given) => level switch
    {
        ApiAuthLevel.Anonymous => true,
        ApiAuthLevel.Function => Same(given, options.Value.FunctionKey) || Same(given, options.Value.AdminKey),
        ApiAuthLevel.Admin => Same(given, options.Value.AdminKey),
        _ => false,
    };

    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
