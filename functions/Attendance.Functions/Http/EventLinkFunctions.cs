using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// The event's sign-in link on the organizer's side: its QR code needs a function key (it holds the link's token);
/// replacing a leaked link needs the admin key, as minting it does.
/// </summary>
public sealed class EventLinkFunctions(EventsApi api)
{
    [Function("GetEventQr")]
    public Task<IResult> GetQr(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{eventId}/qr")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetQrAsync(request, eventId, cancellationToken);

    [Function("PostFormToken")]
    public Task<IResult> RotateFormToken(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "events/{eventId}/form-token")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.RotateFormTokenAsync(request, eventId, cancellationToken);
}
