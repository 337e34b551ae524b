using Attendance.Storage;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 with Retry-After when it does not.</summary>
public sealed class HealthApi(StorageHealth storage, ApiGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.Health.Name, async () =>
        {
            await storage.PingAsync(cancellationToken);
            return TypedResults.Ok(new { status = "healthy", storage = "ok" });
        }, cancellationToken);
}
