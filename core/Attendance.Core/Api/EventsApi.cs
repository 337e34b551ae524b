using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>PUT /api/events/{eventId}</c> (admin key) registers or updates a training event;
/// <c>GET /api/events/{eventId}</c> (function key) returns it with its live attendance.
/// </summary>
public sealed class EventsApi(EventStore events, SubmissionStore submissions, RegionDirectory regions, ApiGuard guard)
{
    public Task<IResult> PutAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PutEvent.Name, async () =>
        {
            if (!Identifiers.IsValid(eventId))
            {
                return ApiProblems.Invalid("eventId", Identifiers.Rule);
            }

            var body = await RequestBody.ReadAsync(request, cancellationToken);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (body.Json is null)
            {
                return ApiProblems.Invalid("body", "must be a JSON object (Content-Type: application/json).");
            }

            using var json = body.Json;
            var errors = new FieldErrors();
            var registration = EventRegistration.Parse(json.RootElement, regions, errors);
            if (registration is null)
            {
                return ApiProblems.Invalid(errors);
            }

            var (saved, created) = await events.SaveAsync(eventId, registration, cancellationToken);
            var view = EventView.From(saved, attendance: null, includeFormToken: true);
            return created
                ? TypedResults.Created($"/api/events/{eventId}", view)
                : TypedResults.Ok(view);
        }, cancellationToken);

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetEvent.Name, async () =>
        {
            if (!Identifiers.IsValid(eventId))
            {
                return ApiProblems.Invalid("eventId", Identifiers.Rule);
            }

            var found = await events.GetAsync(eventId, cancellationToken);
            if (found is null)
            {
                return ApiProblems.NotFound($"No event '{eventId}' is registered.");
            }

            var attendance = await submissions.CountAsync(eventId, cancellationToken);
            return TypedResults.Ok(EventView.From(found, attendance, includeFormToken: false));
        }, cancellationToken);
}
