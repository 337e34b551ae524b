using System.Globalization;
using Attendance.Events;
using Attendance.Submissions;

namespace Attendance.Venue;

/// <summary>
/// Where a venue sign-in is judged: whether the form takes it now (or took it when a kept sign-in was made), which
/// session day it is for, when the participant checked in, and the id it is stored under. It reads no request and
/// writes no answer (<c>Api/FormsApi</c> does both), so every rule here is tested with a fake clock.
/// </summary>
public sealed class VenueSignInPolicy(VenueStamp stamps, TimeProvider time)
{
    /// <summary>The source recorded for every sign-in through the venue form.</summary>
    public const string Source = "venue-form";

    /// <summary>The closed answer when the form does not take sign-ins now (a page being opened); else null.</summary>
    public VenueSignInClosed? ClosedNow(TrainingEvent trainingEvent) => Closed(trainingEvent, time.GetUtcNow(), madeAt: null);

    /// <summary>
    /// Judges one sign-in of <paramref name="trainingEvent"/>. Unless the form is closed, the policy's day, time, id and
    /// source are written onto <paramref name="fields"/> and its refusals added to their errors, so the intake that
    /// stores them reports every field's error in one answer.
    /// </summary>
    public VenueSignInOutcome Judge(TrainingEvent trainingEvent, SubmissionFields fields, VenuePageFields page)
    {
        var now = time.GetUtcNow();
        var eventId = trainingEvent.Id;

        // A sign-in the page kept while there was no connection is judged by when it was made: the phone's stated
        // time held between the serving of its page (the signed stamp) and now, so one made on the last day and sent
        // the next morning is still taken, and for the day it was made. The phone's time can move the day only
        // forward from a day the server saw, never back before the page existed.
        var servedAt = page.KeptOffline ? stamps.Read(eventId, page.Stamp, now) : null;
        var checkInAt = CheckInAt(servedAt, fields[SubmissionFields.CheckInAt], now);
        if (Closed(trainingEvent, now, servedAt is null ? null : checkInAt) is { } closed)
        {
            return closed;
        }

        if (fields[SubmissionFields.EventId] is { } given && given != eventId)
        {
            fields.Errors.Add(SubmissionFields.EventId, "must be this form's event, or left out.");
        }

        fields.Set(SubmissionFields.EventId, eventId);
        // "O" formats a DateOnly as ISO yyyy-MM-dd whatever the culture.
        var today = VenueWindow.SessionDatesOpen(trainingEvent, checkInAt).Select(d => d.ToString("O")).ToList();
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
        var submissionId = VenueSubmissionId.From(page.ClientKey);
        fields.Set(SubmissionFields.Source, Source);
        fields.Set(SubmissionFields.SubmissionId, submissionId);
        fields.Set(SubmissionFields.CheckInAt, checkInAt.ToString("O", CultureInfo.InvariantCulture));

        // A sign-in sent back for a field keeps its stamp and stays kept, so its correction is dated as it was; a live
        // one gets a fresh stamp of this moment.
        var pageStamp = servedAt is null ? stamps.Issue(eventId, now) : page.Stamp!;
        var keptOffline = servedAt is not null;
        return fields.Errors.IsEmpty
            ? new VenueSignInAccepted(
                DateOnly.ParseExact(fields[SubmissionFields.SessionDate]!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                checkInAt, submissionId, pageStamp, keptOffline)
            : new VenueSignInRefused(fields.Errors, checkInAt, submissionId, pageStamp, keptOffline);
    }

    /// <summary>The closed answer when the form is closed now and was not open when the kept sign-in was made; else null.</summary>
    private static VenueSignInClosed? Closed(TrainingEvent trainingEvent, DateTimeOffset now, DateTimeOffset? madeAt)
    {
        if (VenueWindow.IsOpen(trainingEvent, now) || (madeAt is { } made && VenueWindow.IsOpen(trainingEvent, made)))
        {
            return null;
        }

        var opensAt = VenueWindow.OpensAt(trainingEvent);
        return new VenueSignInClosed(NotYet: now < opensAt, opensAt, VenueWindow.ClosesAt(trainingEvent));
    }

    /// <summary>
    /// The check-in time: for a kept sign-in with a valid stamp, the phone's time held between the page's serving and
    /// now (a phone's clock can neither date it before the page existed nor after it arrived); else now.
    /// </summary>
    private static DateTimeOffset CheckInAt(DateTimeOffset? servedAt, string? phoneTime, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        if (servedAt is not { } served)
        {
            return now;
        }

        var stated = DateTimeOffset.TryParse(phoneTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToUniversalTime() : served;
        return stated < served ? served : stated > now ? now : stated;
    }
}
