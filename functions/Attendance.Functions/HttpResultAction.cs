using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Attendance.Functions;

/// <summary>
/// Lets a core handler's <see cref="IResult"/> be a function's return value. The worker's ASP.NET Core
/// integration (Worker.Extensions.Http.AspNetCore 2.x, FunctionsHttpProxyingMiddleware) executes only
/// <see cref="IActionResult"/> return values; any other value is handed to the HTTP output binding
/// instead of being written to the response. Executing the result against the invocation's
/// <see cref="HttpContext"/> writes exactly what the local server writes for the same result.
/// </summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    /// <summary>The core handler's result this action writes.</summary>
    public IResult Result { get; } = result;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }

    /// <summary>Awaits a core handler and wraps its result for the worker.</summary>
    public static async Task<IActionResult> From(Task<IResult> handler) => new HttpResultAction(await handler);
}
