using Attendance.Events;
using Attendance.Forms;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Attendance.Api;

/// <summary>
/// The public sign-in form of one event, opened from a QR code at the venue: <c>GET</c> renders it,
/// <c>POST</c> accepts it. No function key: the event's form token (query <c>token</c> or field
/// <c>formToken</c>) opens only this event, and only while it runs (<see cref="FormToken"/>).
/// </summary>
public sealed class FormsApi(EventStore events, SubmissionIntake intake, ApiGuard guard, TimeProvider time)
{
    /// <summary>The source recorded for every submission through this form.</summary>
    public const string DefaultSource = "venue-form";

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetForm.Name, async () =>
        {
            var (trainingEvent, refusal) = await OpenAsync(eventId, request.Query["token"], cancellationToken);
            return refusal ?? TypedResults.Content(EventFormPage.Render(trainingEvent!, SessionDates(trainingEvent!)), "text/html; charset=utf-8");
        }, cancellationToken);

    public Task<IResult> PostAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostForm.Name, async () =>
        {
            var (body, error) = SubmissionBody.From(await RequestBody.ReadAsync(request, cancellationToken));
            if (body is null)
            {
                return error!;
            }

            if (body.IsBatch)
            {
                return ApiProblems.Invalid("body", "the event form takes one submission at a time.");
            }

            var fields = body.Items[0];
            var token = request.Query["token"].FirstOrDefault() ?? body.FormToken;
            var (trainingEvent, refusal) = await OpenAsync(eventId, token, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            if (fields[SubmissionFields.EventId] is { } given && given != eventId)
            {
                fields.Errors.Add(SubmissionFields.EventId, "must be this form's event, or left out.");
            }

            fields.Set(SubmissionFields.EventId, eventId);
            // "O" formats a DateOnly as ISO yyyy-MM-dd whatever the culture.
            var today = SessionDates(trainingEvent!).Select(d => d.ToString("O")).ToList();
            var chosen = fields[SubmissionFields.SessionDate]?.Trim();
            if (string.IsNullOrEmpty(chosen))
            {
                fields.Set(SubmissionFields.SessionDate, today[0]);
            }
            else if (!fields.Errors.Has(SubmissionFields.SessionDate) && !today.Contains(chosen))
            {
                fields.Errors.Add(SubmissionFields.SessionDate,
                    $"the event form records today's attendance only ({string.Join(" or ", today)}); other days are entered by the organizer.");
            }

            // The venue page takes no client-chosen source or id: a chosen id could claim another's attendance.
            fields.Set(SubmissionFields.Source, DefaultSource);
            fields.Remove(SubmissionFields.SubmissionId);

            var outcomes = await intake.AcceptAsync([fields], cancellationToken);
            return WantsHtml(request) ? RenderOutcome(trainingEvent!, outcomes[0]) : body.Respond(outcomes);
        }, cancellationToken);

    private async Task<(TrainingEvent? Event, IResult? Refusal)> OpenAsync(string eventId, string? token, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(eventId))
        {
            return (null, ApiProblems.Invalid("eventId", Identifiers.Rule));
        }

        var trainingEvent = await events.GetAsync(eventId, cancellationToken);
        if (trainingEvent is null || !FormToken.Matches(trainingEvent, token))
        {
            // The same answer for an unknown event and a wrong token: the form must not reveal which events exist.
            return (null, ApiProblems.Unauthorized("A valid form token for this event is required (the 'token' of the event's form link)."));
        }

        if (!FormToken.IsOpen(trainingEvent, time.GetUtcNow()))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The event's form is closed.",
                detail: $"This form accepts attendance from {FormToken.OpensAt(trainingEvent):yyyy-MM-dd HH:mm zzz} to {FormToken.ClosesAt(trainingEvent):yyyy-MM-dd HH:mm zzz}."));
        }

        return (trainingEvent, null);
    }

    private IResult RenderOutcome(TrainingEvent trainingEvent, IntakeOutcome outcome)
    {
        var (message, errors, status) = outcome.Receipt switch
        {
            { Status: ReceiptStatus.Created } => ("Terima kasih, kehadiran Anda tercatat.", (FieldErrors?)null, StatusCodes.Status201Created),
            { Status: ReceiptStatus.Duplicate } => ("Kehadiran Anda hari ini sudah tercatat sebelumnya.", null, StatusCodes.Status200OK),
            _ => ("Periksa kembali isian berikut.", outcome.Errors, StatusCodes.Status400BadRequest),
        };
        return TypedResults.Content(EventFormPage.Render(trainingEvent, SessionDates(trainingEvent), message, errors), "text/html; charset=utf-8", statusCode: status);
    }

    private IReadOnlyList<DateOnly> SessionDates(TrainingEvent trainingEvent) => FormToken.SessionDatesOpen(trainingEvent, time.GetUtcNow());

    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
