using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary><c>GET /api/openapi.json</c>, anonymous: the API description form builders import.</summary>
public sealed class OpenApiFunction(OpenApiApi api)
{
    [Function("OpenApi")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken);
}
