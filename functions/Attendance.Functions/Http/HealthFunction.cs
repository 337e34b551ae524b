using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary><c>GET /api/health</c>, anonymous, so uptime probes need no key.</summary>
public sealed class HealthFunction(HealthApi api)
{
    [Function("Health")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpResultAction.From(api.GetAsync(request, cancellationToken));
}
