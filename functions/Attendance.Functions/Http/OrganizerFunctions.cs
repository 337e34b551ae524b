using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// The organizer's desk: the QR code of the sign-in link and the attendance lists need a function key (they carry
/// the link's token and participants' contact details); rotating a leaked link needs the admin key, as minting it does.
/// </summary>
public sealed class OrganizerFunctions(EventsApi events, AttendanceApi attendance)
{
    [Function("GetEventQr")]
    public Task<IResult> GetQr(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{eventId}/qr")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        events.GetQrAsync(request, eventId, cancellationToken);

    [Function("PostFormToken")]
    public Task<IResult> RotateFormToken(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "events/{eventId}/form-token")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        events.RotateFormTokenAsync(request, eventId, cancellationToken);

    [Function("GetAttendance")]
    public Task<IResult> GetAttendance(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{eventId}/attendance")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        attendance.GetAsync(request, eventId, cancellationToken);
}
