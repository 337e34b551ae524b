using System.Globalization;
using System.Text.Json;
using Attendance.Events;
using Attendance.Venue;
using Attendance.Organizer;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Attendance.Api;

/// <summary>
/// The public sign-in form of one event, opened from a QR code at the venue: <c>GET</c> renders it,
/// <c>POST</c> accepts it. No function key: the event's form token (query <c>token</c>, checked before the body is
/// read) opens only this event, and only while it runs (<see cref="FormToken"/>, <see cref="VenueWindow"/>). A sign-in is stored for today, or,
/// when the page kept it offline, for the day it was made, no earlier than its page was served (<see cref="VenueStamp"/>). Every answer carries
/// <see cref="SecurityHeaders"/> and passes the <see cref="FormRateLimiter"/> first; a browser gets Indonesian
/// pages, an API client problem details.
/// </summary>
public sealed class FormsApi(
    EventStore events, SubmissionIntake intake, AttendanceReader reader, RegionDirectory regions, FormRateLimiter limiter, VenueStamp stamps,
    ApiGuard guard, TimeProvider time)
{
    /// <summary>The source recorded for every submission through this form.</summary>
    public const string DefaultSource = "venue-form";

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.GetForm.Name, request, eventId, async () =>
        {
            var (trainingEvent, refusal) = await AuthenticateAsync(request, eventId, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var now = time.GetUtcNow();
            if (Closed(request, trainingEvent!, madeAt: null) is { } closed)
            {
                return closed;
            }

            // The page carries the server's stamp of this moment: a sign-in kept on the phone is dated by it.
            var state = FormState.Empty with { Values = new Dictionary<string, string?> { [VenueStamp.Field] = stamps.Issue(eventId, now) } };
            return Html(EventFormPage.Render(trainingEvent!, SessionDates(trainingEvent!), Regencies(trainingEvent!), state));
        }, cancellationToken);

    public Task<IResult> PostAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.PostForm.Name, request, eventId, async () =>
        {
            // The link is checked before the body is read: a stranger's post costs one point read, never a body or a decode.
            var (trainingEvent, refusal) = await AuthenticateAsync(request, eventId, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var read = await RequestBody.ReadAsync(request, cancellationToken);

            // The page's own fields, read before SubmissionBody takes the body (it disposes a JSON document).
            var clientKey = FormField(read, EventFormPage.ClientKeyField);
            var keptOffline = FormField(read, VenueStamp.KeptOfflineField) == "1";
            var stamp = FormField(read, VenueStamp.Field);
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

            // A sign-in the page kept while there was no connection is judged by when it was made: the phone's stated
            // time held between the serving of its page (the signed stamp) and now, so one made on the last day and sent
            // the next morning is still taken, and for the day it was made. The phone's time can move the day only
            // forward from a day the server saw, never back before the page existed.
            var servedAt = keptOffline ? stamps.Read(eventId, stamp, time.GetUtcNow()) : null;
            var checkInAt = CheckInAt(servedAt, fields[SubmissionFields.CheckInAt]);
            if (Closed(request, trainingEvent!, servedAt is null ? null : checkInAt) is { } closed)
            {
                return closed;
            }

            if (fields[SubmissionFields.EventId] is { } given && given != eventId)
            {
                fields.Errors.Add(SubmissionFields.EventId, "must be this form's event, or left out.");
            }

            var typed = Typed(fields, clientKey);
            typed[VenueStamp.Field] = servedAt is null ? stamps.Issue(eventId, time.GetUtcNow()) : stamp;
            // A kept sign-in refused for a field comes back still kept, so its correction is dated as it was.
            typed[VenueStamp.KeptOfflineField] = servedAt is null ? null : "1";
            fields.Set(SubmissionFields.EventId, eventId);
            // "O" formats a DateOnly as ISO yyyy-MM-dd whatever the culture.
            var today = VenueWindow.SessionDatesOpen(trainingEvent!, checkInAt).Select(d => d.ToString("O")).ToList();
            var chosen = fields[SubmissionFields.SessionDate]?.Trim();
            if (today.Count == 0)
            {
                fields.Errors.Add(SubmissionFields.SessionDate, "the event form records today's attendance only, and today is not a day of the event.");
            }
            else if (string.IsNullOrEmpty(chosen) || (servedAt is not null && !fields.Errors.Has(SubmissionFields.SessionDate) && !today.Contains(chosen)))
            {
                // A kept sign-in's sessionDate is the serving day the page filled in (a page left open overnight still
                // shows yesterday); the day it was made decides.
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

    /// <summary>
    /// The event, if the link's token (query <c>token</c>) opens it; else the refusal, counted against the client's
    /// address (<see cref="FormRateLimiter.RecordRefusal"/>). Reads no body: a token only in the body is not looked at.
    /// </summary>
    private async Task<(TrainingEvent? Event, IResult? Refusal)> AuthenticateAsync(HttpRequest request, string eventId, CancellationToken cancellationToken)
    {
        var html = WantsHtml(request);
        if (!Identifiers.IsValid(eventId) && !html)
        {
            limiter.RecordRefusal(request);
            return (null, ApiProblems.Invalid("eventId", Identifiers.Rule));
        }

        var token = request.Query["token"].FirstOrDefault();
        var trainingEvent = Identifiers.IsValid(eventId) && token is not null ? await events.GetAsync(eventId, cancellationToken) : null;
        if (trainingEvent is null || !FormToken.Matches(trainingEvent, token))
        {
            limiter.RecordRefusal(request);

            // The same answer for an unknown event and a wrong token: the form must not reveal which events exist.
            return (null, html
                ? Html(MessagePage.Render("Tautan tidak berlaku",
                    "Tautan daftar hadir ini salah atau sudah diganti oleh panitia.",
                    "Pindai lagi kode QR yang dipasang di lokasi kegiatan, atau minta tautan baru kepada panitia."), StatusCodes.Status401Unauthorized)
                : ApiProblems.Unauthorized("A valid form token for this event is required in the link's query: ?token= (the 'token' of the event's form link)."));
        }

        return (trainingEvent, null);
    }

    /// <summary>The refusal when the form is closed now and was not open when the kept sign-in was made; else null.</summary>
    private IResult? Closed(HttpRequest request, TrainingEvent trainingEvent, DateTimeOffset? madeAt)
    {
        var now = time.GetUtcNow();
        if (VenueWindow.IsOpen(trainingEvent, now) || (madeAt is { } made && VenueWindow.IsOpen(trainingEvent, made)))
        {
            return null;
        }

        return WantsHtml(request)
            ? Html(ClosedPage(trainingEvent, notYet: now < VenueWindow.OpensAt(trainingEvent)), StatusCodes.Status403Forbidden)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The event's form is closed.",
                detail: $"This form accepts attendance from {VenueWindow.OpensAt(trainingEvent):yyyy-MM-dd HH:mm zzz} to {VenueWindow.ClosesAt(trainingEvent):yyyy-MM-dd HH:mm zzz}.");
    }

    private static string ClosedPage(TrainingEvent e, bool notYet)
    {
        var zone = IndonesianTimeZone.Of(e.Province);
        return notYet
            ? MessagePage.Render("Daftar hadir belum dibuka",
                $"Daftar hadir {e.Name} dibuka pada {IndonesianDates.DayAndDate(e.StartDate)}.",
                $"Buka lagi tautan ini pada hari kegiatan (mulai pukul {IndonesianDates.Time(VenueWindow.OpensAt(e), zone)}).")
            : MessagePage.Render("Daftar hadir sudah ditutup",
                $"{e.Name} berakhir pada {IndonesianDates.DayAndDate(e.EndDate)}; daftar hadir tidak menerima isian lagi.",
                "Jika Anda hadir tetapi belum tercatat, hubungi panitia.");
    }

    /// <summary>
    /// The check-in time: for a kept sign-in with a valid stamp, the phone's time held between the page's serving and
    /// now (a phone's clock can neither date it before the page existed nor after it arrived); else now.
    /// </summary>
    private DateTimeOffset CheckInAt(DateTimeOffset? servedAt, string? phoneTime)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        if (servedAt is not { } served)
        {
            return now;
        }

        var stated = DateTimeOffset.TryParse(phoneTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToUniversalTime() : served;
        return stated < served ? served : stated > now ? now : stated;
    }

    /// <summary>One field the page adds beside the submission's own (the phone's key, the stamp), from a form or a JSON object.</summary>
    private static string? FormField(BodyReadResult read, string name)
    {
        if (read.Form is not null)
        {
            return read.Form.TryGetValue(name, out var value) && value.Count == 1 ? value.ToString() : null;
        }

        return read.Json?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
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

    private IReadOnlyList<DateOnly> SessionDates(TrainingEvent trainingEvent) => VenueWindow.SessionDatesOpen(trainingEvent, time.GetUtcNow());

    private IReadOnlyList<Region> Regencies(TrainingEvent trainingEvent) =>
        trainingEvent.Province is { } province ? regions.RegenciesOf(province.Code) : [];

    private static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>A browser navigating (Accept names text/html), as opposed to an API client asking for JSON.</summary>
    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
