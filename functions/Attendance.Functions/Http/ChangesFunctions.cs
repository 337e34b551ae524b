using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// Changes after the fact, with the admin (master) key: correct or void one attendance, list an event's changes,
/// erase a person. Personal values travel in the bodies; the platform logs URLs.
/// </summary>
public sealed class ChangesFunctions(ChangesApi api)
{
    [Function("PatchAttendance")]
    public Task<IResult> Patch(
        [HttpTrigger(AuthorizationLevel.Admin, "patch", Route = "events/{eventId}/attendance/{submissionId}")] HttpRequest request,
        string eventId,
        string submissionId,
        CancellationToken cancellationToken) =>
        api.PatchAsync(request, eventId, submissionId, cancellationToken);

    [Function("DeleteAttendance")]
    public Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "events/{eventId}/attendance/{submissionId}")] HttpRequest request,
        string eventId,
        string submissionId,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, eventId, submissionId, cancellationToken);

    [Function("GetChanges")]
    public Task<IResult> GetChanges(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "events/{eventId}/changes")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, eventId, cancellationToken);

    [Function("PostErasure")]
    public Task<IResult> PostErasure(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "participants/erasure")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PostErasureAsync(request, cancellationToken);
}
