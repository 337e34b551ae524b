using System.Globalization;
using System.Text.Json;
using Attendance.Events;
using Attendance.Forms;
using Attendance.Organizer;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Attendance.Api;

/// <summary>
/// The public sign-in form of one event, opened from a QR code at the venue: <c>GET</c> renders it,
/// <c>POST</c> accepts it. No function key: the event's form token (query <c>token</c> or field
/// <c>formToken</c>) opens only this event, and only while it runs (<see cref="FormToken"/>). Every answer carries
/// <see cref="SecurityHeaders"/> and passes the per-link <see cref="FormRateLimiter"/>; a browser gets Indonesian
/// pages, an API client problem details.
/// </summary>
public sealed class FormsApi(
    EventStore events, SubmissionIntake intake, AttendanceReader reader, RegionDirectory regions, FormRateLimiter limiter, ApiGuard guard, TimeProvider time)
{
    /// <summary>The source recorded for every submission through this form.</summary>
    public const string DefaultSource = "venue-form";

    /// <summary>How far ahead of the server's clock a phone's check-in time may be and still be taken.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.GetForm.Name, request, eventId, async () =>
        {
            var (trainingEvent, refusal) = await OpenAsync(request, eventId, request.Query["token"], cancellationToken);
            return refusal ?? Html(EventFormPage.Render(trainingEvent!, SessionDates(trainingEvent!), Regencies(trainingEvent!), FormState.Empty));
        }, cancellationToken);

    public Task<IResult> PostAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.PostForm.Name, request, eventId, async () =>
        {
            var read = await RequestBody.ReadAsync(request, cancellationToken);
            var clientKey = ClientKey(read);
            var (body, error) = SubmissionBody.From(read);
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

            // A sign-in kept on the phone and sent later is judged at the time it was made (up to a day ago), so one
            // made on the last day and sent the next morning is still taken, and for the day it was made.
            var madeAt = MadeAt(fields[SubmissionFields.CheckInAt]);
            var (trainingEvent, refusal) = await OpenAsync(request, eventId, token, cancellationToken, madeAt);
            if (refusal is not null)
            {
                return refusal;
            }

            if (fields[SubmissionFields.EventId] is { } given && given != eventId)
            {
                fields.Errors.Add(SubmissionFields.EventId, "must be this form's event, or left out.");
            }

            var typed = Typed(fields, clientKey);
            fields.Set(SubmissionFields.EventId, eventId);
            var checkInAt = CheckInAt(trainingEvent!, madeAt);
            // "O" formats a DateOnly as ISO yyyy-MM-dd whatever the culture.
            var today = FormToken.SessionDatesOpen(trainingEvent!, checkInAt).Select(d => d.ToString("O")).ToList();
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

            // The venue page takes no client-chosen source or id (a chosen id could claim another's attendance): the
            // id is the phone's key, in the venue source's namespace.
            fields.Set(SubmissionFields.Source, DefaultSource);
            fields.Set(SubmissionFields.SubmissionId, VenueSubmissionId.From(clientKey));
            fields.Set(SubmissionFields.CheckInAt, checkInAt.ToString("O", CultureInfo.InvariantCulture));

            var outcomes = await intake.AcceptAsync([fields], trainingEvent, cancellationToken);
            if (!WantsHtml(request))
            {
                return body.Respond(outcomes);
            }

            if (outcomes[0] is { IsStored: true, Receipt: { } receipt })
            {
                var stored = receipt.Status == ReceiptStatus.Duplicate
                    ? await reader.FindAsync(eventId, receipt.SubmissionId, cancellationToken)
                    : null;
                var sessionDate = DateOnly.ParseExact(fields[SubmissionFields.SessionDate]!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return Html(
                    EventFormPage.RenderConfirmation(trainingEvent!,
                        stored?.Submission.FullName ?? fields[SubmissionFields.FullName]!.Trim(),
                        stored?.Submission.SessionDate ?? sessionDate,
                        stored is null ? checkInAt : stored.Submission.CheckInAt ?? stored.ReceivedAt,
                        alreadyRecorded: receipt.Status == ReceiptStatus.Duplicate),
                    receipt.Status == ReceiptStatus.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            }

            // A conflict: the phone's key was used for another attendance (a copied page, a form with a fixed key).
            // Nothing was stored; the form comes back without that key, so the next send makes a new one.
            var conflict = outcomes[0].Receipt is { Status: ReceiptStatus.Conflict };
            if (conflict)
            {
                typed[EventFormPage.ClientKeyField] = null;
            }

            return Html(
                EventFormPage.Render(trainingEvent!, SessionDates(trainingEvent!), Regencies(trainingEvent!), Refused(typed, outcomes[0].Errors!)),
                conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }, cancellationToken);

    private Task<IResult> Guarded(string route, HttpRequest request, string eventId, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        if (limiter.Check(request, eventId) is { } retryAfter)
        {
            return Task.FromResult(SecurityHeaders.Add(FormRateLimiter.TooMany(retryAfter, WantsHtml(request))));
        }

        return Secured(guard.RunAsync(route, handler, cancellationToken));

        static async Task<IResult> Secured(Task<IResult> result) => SecurityHeaders.Add(await result);
    }

    private async Task<(TrainingEvent? Event, IResult? Refusal)> OpenAsync(
        HttpRequest request, string eventId, string? token, CancellationToken cancellationToken, DateTimeOffset? madeAt = null)
    {
        var html = WantsHtml(request);
        var trainingEvent = Identifiers.IsValid(eventId) ? await events.GetAsync(eventId, cancellationToken) : null;
        if (!Identifiers.IsValid(eventId) && !html)
        {
            return (null, ApiProblems.Invalid("eventId", Identifiers.Rule));
        }

        if (trainingEvent is null || !FormToken.Matches(trainingEvent, token))
        {
            // The same answer for an unknown event and a wrong token: the form must not reveal which events exist.
            return (null, html
                ? Html(MessagePage.Render("Tautan tidak berlaku",
                    "Tautan daftar hadir ini salah atau sudah diganti oleh panitia.",
                    "Pindai lagi kode QR yang dipasang di lokasi kegiatan, atau minta tautan baru kepada panitia."), StatusCodes.Status401Unauthorized)
                : ApiProblems.Unauthorized("A valid form token for this event is required (the 'token' of the event's form link)."));
        }

        var now = time.GetUtcNow();
        if (!FormToken.IsOpen(trainingEvent, now) && !(madeAt is { } made && FormToken.IsOpen(trainingEvent, made)))
        {
            return (null, html
                ? Html(ClosedPage(trainingEvent, notYet: now < FormToken.OpensAt(trainingEvent)), StatusCodes.Status403Forbidden)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The event's form is closed.",
                    detail: $"This form accepts attendance from {FormToken.OpensAt(trainingEvent):yyyy-MM-dd HH:mm zzz} to {FormToken.ClosesAt(trainingEvent):yyyy-MM-dd HH:mm zzz}."));
        }

        return (trainingEvent, null);
    }

    private static string ClosedPage(TrainingEvent e, bool notYet)
    {
        var zone = IndonesianTimeZone.Of(e.Province);
        return notYet
            ? MessagePage.Render("Daftar hadir belum dibuka",
                $"Daftar hadir {e.Name} dibuka pada {IndonesianDates.DayAndDate(e.StartDate)}.",
                $"Buka lagi tautan ini pada hari kegiatan (mulai pukul {IndonesianDates.Time(FormToken.OpensAt(e), zone)}).")
            : MessagePage.Render("Daftar hadir sudah ditutup",
                $"{e.Name} berakhir pada {IndonesianDates.DayAndDate(e.EndDate)}; daftar hadir tidak menerima isian lagi.",
                "Jika Anda hadir tetapi belum tercatat, hubungi panitia.");
    }

    /// <summary>The phone's stated time of a sign-in when it lies within the last day (kept offline, sent later); else null.</summary>
    private DateTimeOffset? MadeAt(string? phoneTime)
    {
        var now = time.GetUtcNow();
        return DateTimeOffset.TryParse(phoneTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stated)
            && stated <= now + ClockSkew && stated >= now.AddDays(-1)
                ? stated
                : null;
    }

    /// <summary>The check-in time: the phone's (<see cref="MadeAt"/>) when the form was already open then, else now.</summary>
    private DateTimeOffset CheckInAt(TrainingEvent trainingEvent, DateTimeOffset? madeAt)
    {
        var now = time.GetUtcNow();
        return madeAt is { } made && made >= FormToken.OpensAt(trainingEvent)
            ? (made > now ? now : made).ToUniversalTime()
            : now.ToUniversalTime();
    }

    private static string? ClientKey(BodyReadResult read)
    {
        if (read.Form is not null)
        {
            return read.Form.TryGetValue(EventFormPage.ClientKeyField, out var value) && value.Count == 1 ? value.ToString() : null;
        }

        return read.Json?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty(EventFormPage.ClientKeyField, out var property) && property.ValueKind == JsonValueKind.String
                ? property.GetString()
                : null;
    }

    private static Dictionary<string, string?> Typed(SubmissionFields fields, string? clientKey)
    {
        var typed = FieldMessages.OnPage.ToDictionary(f => f, f => fields[f], StringComparer.Ordinal);
        typed[SubmissionFields.CheckInAt] = fields[SubmissionFields.CheckInAt];
        typed[EventFormPage.ClientKeyField] = VenueSubmissionId.IsClientKey(clientKey) ? clientKey : null;
        return typed;
    }

    private static FormState Refused(Dictionary<string, string?> typed, FieldErrors errors)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in errors.ToDictionary().Keys)
        {
            if (FieldMessages.OnPage.Contains(field))
            {
                messages[field] = FieldMessages.For(field, typed.GetValueOrDefault(field));
            }
        }

        var notice = messages.Count == errors.ToDictionary().Count
            ? "Ada isian yang perlu diperbaiki. Lihat pesan di bawah kolom yang ditandai."
            : "Isian belum dapat diterima. Muat ulang halaman ini dari kode QR, lalu kirim lagi.";
        return new FormState(typed, messages, notice);
    }

    private IReadOnlyList<DateOnly> SessionDates(TrainingEvent trainingEvent) => FormToken.SessionDatesOpen(trainingEvent, time.GetUtcNow());

    private IReadOnlyList<Region> Regencies(TrainingEvent trainingEvent) =>
        trainingEvent.Province is { } province ? regions.RegenciesOf(province.Code) : [];

    private static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>A browser navigating (Accept names text/html), as opposed to an API client asking for JSON.</summary>
    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
