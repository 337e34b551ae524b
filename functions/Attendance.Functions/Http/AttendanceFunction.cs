using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>/api/events/{eventId}/attendance</c>: the organizer's lists (JSON, CSV, printable HTML). A function key,
/// because they hold participants' names and contact details.
/// </summary>
public sealed class AttendanceFunction(AttendanceApi api)
{
    [Function("GetAttendance")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{eventId}/attendance")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, eventId, cancellationToken);
}
