using Attendance.Events;
using Attendance.Venue;
using Attendance.Organizer;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attendance.Api;

/// <summary>
/// <c>PUT /api/events/{eventId}</c> (admin key) registers or updates a training event;
/// <c>GET /api/events/{eventId}</c> (function key) returns it with its live attendance;
/// <c>GET /api/events/{eventId}/qr</c> (function key) draws its sign-in link as a QR code for printing;
/// <c>POST /api/events/{eventId}/form-token</c> (admin key) replaces a leaked link with a new one.
/// </summary>
public sealed class EventsApi(
    EventStore events, SubmissionStore submissions, RegionDirectory regions, FormLinks links, ApiGuard guard, ILogger<EventsApi> logger)
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
            var view = EventView.From(saved, attendance: null, links.For(saved, request));
            return created
                ? TypedResults.Created($"/api/events/{eventId}", view)
                : TypedResults.Ok(view);
        }, cancellationToken);

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetEvent.Name, async () =>
        {
            var (found, missing) = await FindAsync(eventId, cancellationToken);
            if (found is null)
            {
                return missing!;
            }

            var attendance = await submissions.CountAsync(eventId, cancellationToken);
            return TypedResults.Ok(EventView.From(found, attendance, formUrl: null));
        }, cancellationToken);

    /// <summary>
    /// The QR code of the sign-in link: PNG, SVG with <c>?format=svg</c>, or with <c>?format=html</c> the printable
    /// A4 poster (<see cref="QrPosterPage"/>) with the pages' security headers. It holds the token, so it is not cached.
    /// </summary>
    public Task<IResult> GetQrAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetEventQr.Name, async () =>
        {
            var format = request.Query["format"].FirstOrDefault() ?? "png";
            if (format is not ("png" or "svg" or "html"))
            {
                return ApiProblems.Invalid("format", "must be png (the default), svg or html (a printable poster).");
            }

            var (found, missing) = await FindAsync(eventId, cancellationToken);
            if (found is null)
            {
                return missing!;
            }

            var link = links.For(found, request);
            if (format == "html")
            {
                return SecurityHeaders.Add(TypedResults.Content(QrPosterPage.Render(found, link), "text/html; charset=utf-8"));
            }

            request.HttpContext.Response.Headers.CacheControl = "no-store";
            request.HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"qr-{eventId}.{format}\"";
            return format == "svg"
                ? TypedResults.Text(QrCodeImage.Svg(link), "image/svg+xml; charset=utf-8")
                : TypedResults.File(QrCodeImage.Png(link), "image/png");
        }, cancellationToken);

    /// <summary>A new form token: the old link is refused from the next request on; the answer carries the new link.</summary>
    public Task<IResult> RotateFormTokenAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostFormToken.Name, async () =>
        {
            if (!Identifiers.IsValid(eventId))
            {
                return ApiProblems.Invalid("eventId", Identifiers.Rule);
            }

            var rotated = await events.RotateFormTokenAsync(eventId, cancellationToken);
            if (rotated is null)
            {
                return ApiProblems.NotFound($"No event '{eventId}' is registered.");
            }

            FormsLog.TokenRotated(logger, eventId);
            return TypedResults.Ok(EventView.From(rotated, attendance: null, links.For(rotated, request)));
        }, cancellationToken);

    private async Task<(TrainingEvent? Event, IResult? Missing)> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(eventId))
        {
            return (null, ApiProblems.Invalid("eventId", Identifiers.Rule));
        }

        var found = await events.GetAsync(eventId, cancellationToken);
        return found is null ? (null, ApiProblems.NotFound($"No event '{eventId}' is registered.")) : (found, null);
    }
}
