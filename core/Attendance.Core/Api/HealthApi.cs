using Attendance.Events;
using Attendance.Storage;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>GET /api/health</c>: 200 when what the product needs answers: both storage services (through clients that
/// never retry), and the events and submissions tables, each read once (a table found gone is created again, as
/// the next request would); 503 with Retry-After when any does not.
/// </summary>
public sealed class HealthApi(StorageHealth storage, EventStore events, SubmissionStore submissions, ApiGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.Health.Name, async () =>
        {
            await storage.PingAsync(cancellationToken);
            await events.CheckAsync(cancellationToken);
            await submissions.CheckAsync(cancellationToken);
            return TypedResults.Ok(new { status = "healthy", storage = "ok", tables = new { events = "ok", submissions = "ok" } });
        }, cancellationToken);
}
