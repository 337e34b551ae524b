using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>POST /api/exports</c> with the admin key: runs the export now. Flex Consumption cuts an HTTP response
/// at 230 s, so this is for catching up after an import; the nightly timer does the regular work.
/// </summary>
public sealed class ExportsFunction(ExportsApi api)
{
    [Function("PostExports")]
    public Task<IResult> Post(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "exports")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PostAsync(request, cancellationToken);
}
