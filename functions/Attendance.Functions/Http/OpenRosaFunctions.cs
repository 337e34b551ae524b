using Attendance.OpenRosa;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>HEAD</c> and <c>POST /api/openrosa/submission</c> for ODK Collect. Anonymous at the host because Collect sends
/// HTTP Basic, not <c>x-functions-key</c>; the handler checks the Basic password against <c>Auth__FunctionKey</c> /
/// <c>Auth__AdminKey</c> and answers 401 with <c>WWW-Authenticate</c> otherwise.
/// </summary>
public sealed class OpenRosaFunctions(OpenRosaApi api)
{
    [Function("HeadOpenRosaSubmission")]
    public Task<IResult> Head(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "openrosa/submission")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HeadAsync(request, cancellationToken);

    [Function("PostOpenRosaSubmission")]
    public Task<IResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "openrosa/submission")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PostAsync(request, cancellationToken);
}
