using System.Globalization;
using System.Text.Json;
using Attendance.Events;
using Attendance.Venue;
using Attendance.Organizer;
using Attendance.Privacy;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Attendance.Api;

/// <summary>
/// The public sign-in form of one event, opened from a QR code at the venue: <c>GET</c> renders it,
/// <c>POST</c> accepts it. No function key: the event's form token (query <c>token</c>, checked before the body is
/// read) opens only this event, and only while it runs (<see cref="FormToken"/>, <see cref="VenueWindow"/>). This class is the HTTP
/// adapter: a sign-in is judged by <see cref="VenueSignInPolicy"/>, and its outcome answered here. Every answer carries
/// <see cref="SecurityHeaders"/> and passes the <see cref="VenueRateLimiter"/> first; a browser gets Indonesian
/// pages, an API client problem details.
/// </summary>
public sealed class FormsApi(
    EventStore events, SubmissionIntake intake, AttendanceReader reader, RegionDirectory regions, VenueRateLimiter limiter, VenueStamp stamps,
    VenueSignInPolicy policy, PrivacyNotice privacy, ApiGuard guard, TimeProvider time)
{
    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.GetForm.Name, request, eventId, async () =>
        {
            var (checkedEvent, refusal) = await AuthenticateAsync(request, eventId, forSignIn: false, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var trainingEvent = checkedEvent!.Event;
            if (policy.ClosedNow(trainingEvent!) is { } closed)
            {
                return Closed(request, trainingEvent!, closed);
            }

            var now = time.GetUtcNow();

            // The page carries the server's stamp of this moment: a sign-in kept on the phone is dated by it.
            var state = FormState.Empty with { Values = new Dictionary<string, string?> { [VenueStamp.Field] = stamps.Issue(eventId, now) } };
            return Html(EventFormPage.Render(trainingEvent!, SessionDates(trainingEvent!), regions, state, privacy.ShortFor(trainingEvent)));
        }, cancellationToken);

    public Task<IResult> PostAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.PostForm.Name, request, eventId, async () =>
        {
            // The link is checked before the body is read: a stranger's post costs at most one point read, never a
            // body or a decode.
            var (checkedEvent, refusal) = await AuthenticateAsync(request, eventId, forSignIn: true, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var read = await RequestBody.ReadAsync(request, cancellationToken);

            // The page's own fields, read before SubmissionBody takes the body (it disposes a JSON document).
            var page = new VenuePageFields(
                ClientKey: FormField(read, EventFormPage.ClientKeyField),
                KeptOffline: FormField(read, VenueStamp.KeptOfflineField) == "1",
                Stamp: FormField(read, VenueStamp.Field));
            var (body, error) = SubmissionBody.From(read);
            if (body is null)
            {
                return error!;
            }

            if (body.IsBatch)
            {
                return ApiProblems.Invalid("body", "the event form takes one submission at a time.");
            }

            // A remembered event only lets a sign-in in: anything it would refuse (a closed form, a day outside the
            // event, a version that changed before the sign-in committed) is judged again against the event read
            // afresh, the link's token checked again first.
            var asSent = checkedEvent!.Remembered ? body.Items[0].Copy() : null;
            if (await SignInAsync(request, body, body.Items[0], page, checkedEvent, cancellationToken) is { } answer)
            {
                return answer;
            }

            (checkedEvent, refusal) = await AuthenticateAsync(request, eventId, forSignIn: true, cancellationToken, mayRecall: false);
            return refusal ?? (await SignInAsync(request, body, asSent!, page, checkedEvent!, cancellationToken))!;
        }, cancellationToken);

    /// <summary>
    /// Judges and stores one sign-in against <paramref name="checkedEvent"/>, and answers it; null when the event was
    /// remembered and the answer would be a refusal or the sign-in must be checked again (<see cref="CheckedEvent"/>).
    /// </summary>
    private async Task<IResult?> SignInAsync(
        HttpRequest request, SubmissionBody body, SubmissionFields fields, VenuePageFields page, CheckedEvent checkedEvent, CancellationToken cancellationToken)
    {
        var trainingEvent = checkedEvent.Event;

        // The page as typed, before the policy fills in the day and the time: a refused sign-in comes back as sent.
        var typed = Typed(fields, page.ClientKey);
        var judged = policy.Judge(trainingEvent, fields, page);
        if (judged is VenueSignInClosed closed)
        {
            return checkedEvent.Remembered ? null : Closed(request, trainingEvent, closed);
        }

        var sent = (VenueSignInJudged)judged;
        typed[VenueStamp.Field] = sent.PageStamp;
        // A kept sign-in refused for a field comes back still kept, so its correction is dated as it was.
        typed[VenueStamp.KeptOfflineField] = sent.KeptOffline ? "1" : null;

        var outcomes = await intake.AcceptAsync([fields], checkedEvent, cancellationToken);
        if (checkedEvent.Remembered && !outcomes[0].IsStored)
        {
            return null;
        }

        if (!WantsHtml(request))
        {
            return body.Respond(outcomes);
        }

        // Only a sign-in the policy accepted reaches the store: its refusals are errors the intake does not store past.
        if (outcomes[0] is { IsStored: true, Receipt: { } receipt } && judged is VenueSignInAccepted accepted)
        {
            var stored = receipt.Status == ReceiptStatus.Duplicate
                ? await reader.FindAsync(trainingEvent.Id, receipt.SubmissionId, cancellationToken)
                : null;
            return Html(
                EventFormPage.RenderConfirmation(trainingEvent,
                    stored?.Submission.FullName ?? fields[SubmissionFields.FullName]!.Trim(),
                    stored?.Submission.SessionDate ?? accepted.SessionDate,
                    stored is null ? accepted.CheckInAt : stored.Submission.CheckInAt ?? stored.ReceivedAt,
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
            EventFormPage.Render(trainingEvent, SessionDates(trainingEvent), regions, Refused(typed, outcomes[0].Errors!), privacy.ShortFor(trainingEvent)),
            conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The full privacy notice the form links to, open at any time (a participant may ask long after the event). With
    /// the form's token it names the event and its contact; without one it is the same notice for no named event, read
    /// without touching storage. A wrong token gets that general notice too, counted as a refusal like the form's, so
    /// the page is no cheaper a way to guess tokens or to learn which events exist.
    /// </summary>
    public Task<IResult> GetPrivacyAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        Guarded(ApiRoutes.GetPrivacy.Name, request, eventId, async () =>
        {
            var token = request.Query["token"].FirstOrDefault();
            if (string.IsNullOrEmpty(token))
            {
                return Html(PrivacyPage.Render(null, privacy));
            }

            var trainingEvent = Identifiers.IsValid(eventId) ? await events.GetAsync(eventId, cancellationToken) : null;
            if (trainingEvent is null || !FormToken.Matches(trainingEvent, token))
            {
                limiter.RecordRefusal(request);
                trainingEvent = null;
            }

            return Html(PrivacyPage.Render(trainingEvent, privacy));
        }, cancellationToken);

    private Task<IResult> Guarded(string route, HttpRequest request, string eventId, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        if (limiter.Check(request, eventId) is { } retryAfter)
        {
            return Task.FromResult(SecurityHeaders.Add(VenueRateLimiter.TooMany(retryAfter, WantsHtml(request))));
        }

        return Secured(guard.RunAsync(route, handler, cancellationToken));

        static async Task<IResult> Secured(Task<IResult> result) => SecurityHeaders.Add(await result);
    }

    /// <summary>
    /// The event, if the link's token (query <c>token</c>) opens it; else the refusal, counted against the client's
    /// address (<see cref="VenueRateLimiter.RecordRefusal"/>). Reads no body: a token only in the body is not looked at.
    /// A sign-in (<paramref name="forSignIn"/>) may be checked against the remembered event (<see cref="CheckedEvent"/>),
    /// unless <paramref name="mayRecall"/> is false; a token the remembered event refuses is checked against a fresh read.
    /// </summary>
    private async Task<(CheckedEvent? Event, IResult? Refusal)> AuthenticateAsync(
        HttpRequest request, string eventId, bool forSignIn, CancellationToken cancellationToken, bool mayRecall = true)
    {
        var html = WantsHtml(request);
        if (!Identifiers.IsValid(eventId) && !html)
        {
            limiter.RecordRefusal(request);
            return (null, ApiProblems.Invalid("eventId", Identifiers.Rule));
        }

        var token = request.Query["token"].FirstOrDefault();
        var checkedEvent = Identifiers.IsValid(eventId) && token is not null ? await ReadAsync(mayRecall) : null;
        if (checkedEvent is { Remembered: true } && !FormToken.Matches(checkedEvent.Event, token))
        {
            checkedEvent = await ReadAsync(mayRecall: false);
        }

        if (checkedEvent is null || !FormToken.Matches(checkedEvent.Event, token))
        {
            limiter.RecordRefusal(request);

            // The same answer for an unknown event and a wrong token: the form must not reveal which events exist.
            return (null, html
                ? Html(MessagePage.Render("Tautan tidak berlaku",
                    "Tautan daftar hadir ini salah atau sudah diganti oleh panitia.",
                    "Pindai lagi kode QR yang dipasang di lokasi kegiatan, atau minta tautan baru kepada panitia."), StatusCodes.Status401Unauthorized)
                : ApiProblems.Unauthorized("A valid form token for this event is required in the link's query: ?token= (the 'token' of the event's form link)."));
        }

        return (checkedEvent, null);

        async Task<CheckedEvent?> ReadAsync(bool mayRecall) => forSignIn
            ? await events.GetForSignInAsync(eventId, mayRecall, cancellationToken)
            : await events.GetAsync(eventId, cancellationToken) is { } read ? new CheckedEvent(read, Remembered: false) : null;
    }

    /// <summary>The form's closed answer: an Indonesian page for a browser, problem details for an API client.</summary>
    private static IResult Closed(HttpRequest request, TrainingEvent trainingEvent, VenueSignInClosed closed) =>
        WantsHtml(request)
            ? Html(ClosedPage(trainingEvent, closed), StatusCodes.Status403Forbidden)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The event's form is closed.",
                detail: $"This form accepts attendance from {closed.OpensAt:yyyy-MM-dd HH:mm zzz} to {closed.ClosesAt:yyyy-MM-dd HH:mm zzz}.");

    private static string ClosedPage(TrainingEvent e, VenueSignInClosed closed)
    {
        var zone = IndonesianTimeZone.Of(e.Province);
        return closed.NotYet
            ? MessagePage.Render("Daftar hadir belum dibuka",
                $"Daftar hadir {e.Name} dibuka pada {IndonesianDates.DayAndDate(e.StartDate)}.",
                $"Buka lagi tautan ini pada hari kegiatan (mulai pukul {IndonesianDates.Time(closed.OpensAt, zone)}).")
            : MessagePage.Render("Daftar hadir sudah ditutup",
                $"{e.Name} berakhir pada {IndonesianDates.DayAndDate(e.EndDate)}; daftar hadir tidak menerima isian lagi.",
                "Jika Anda hadir tetapi belum tercatat, hubungi panitia.");
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

    private static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);

    /// <summary>A browser navigating (Accept names text/html), as opposed to an API client asking for JSON.</summary>
    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
