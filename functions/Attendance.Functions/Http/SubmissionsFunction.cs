using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>POST /api/submissions</c> with a function key: the server-to-server channels (Power Automate,
/// KoboToolbox/ODK REST services, typed-in paper sheets), each given its own named key so one can be revoked alone.
/// </summary>
public sealed class SubmissionsFunction(SubmissionsApi api)
{
    [Function("PostSubmissions")]
    public Task<IResult> Post(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "submissions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PostAsync(request, cancellationToken);
}
