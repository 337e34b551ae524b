using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>/api/events/{eventId}/privacy</c>: the full privacy notice the venue form links to. No key, like the form: a
/// participant reads it on their phone; the form's token in the query names the event.
/// </summary>
public sealed class PrivacyFunction(FormsApi api)
{
    [Function("GetPrivacy")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/{eventId}/privacy")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetPrivacyAsync(request, eventId, cancellationToken);
}
