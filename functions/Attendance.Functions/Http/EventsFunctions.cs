using Attendance.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Attendance.Functions.Http;

/// <summary>
/// <c>/api/events/{eventId}</c>: registering an event needs the admin (master) key because it mints the
/// event's form token; reading one needs a function key.
/// </summary>
public sealed class EventsFunctions(EventsApi api)
{
    [Function("PutEvent")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "events/{eventId}")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, eventId, cancellationToken);

    [Function("GetEvent")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{eventId}")] HttpRequest request,
        string eventId,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, eventId, cancellationToken);
}
