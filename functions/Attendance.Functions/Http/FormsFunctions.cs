using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>/api/events/{eventId}/form</c>: the public form a participant opens from the venue's QR code. The
/// host asks for no key because a phone cannot hold one; the handler checks the event's form token instead.
/// </summary>
public sealed class FormsFunctions(FormsApi api)
{
    [Function("GetForm")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/{eventId}/form")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, eventId, cancellationToken);

    [Function("PostForm")]
    public Task<IResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/{eventId}/form")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.PostAsync(request, eventId, cancellationToken);
}
