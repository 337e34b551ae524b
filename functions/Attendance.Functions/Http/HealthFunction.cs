using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary><c>GET /api/health</c>, anonymous, so uptime probes need no key.</summary>
public sealed class HealthFunction(HealthApi api)
{
    [Function("Health")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken);
}
