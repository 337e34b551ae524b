using Attendance.Export;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Attendance.Core.Tests.Venue;

public sealed class VenueSignInPolicyTests
{
    private const string PhoneKey = "0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly TrainingEvent Lampung = TestEvents.Lampung();

    private readonly VenueStamp stamps = new(Options.Create(new ExportOptions { PseudonymKey = "pseudonym-key-for-venue-policy-tests-00" }));

    [Fact]
    public void A_sign_in_during_the_event_is_taken_for_today_now_under_the_phones_key()
    {
        var now = new DateTimeOffset(2023, 6, 6, 9, 0, 0, Wib);
        var fields = Fields(sessionDate: "");

        var outcome = Policy(now).Judge(Lampung, fields, new VenuePageFields(PhoneKey, KeptOffline: false, Stamp: null));

        var accepted = Assert.IsType<VenueSignInAccepted>(outcome);
        Assert.Equal(new DateOnly(2023, 6, 6), accepted.SessionDate);
        Assert.Equal(now, accepted.CheckInAt);
        Assert.Equal(PhoneKey, accepted.SubmissionId);
        Assert.False(accepted.KeptOffline);
        Assert.Equal(now, stamps.Read(Lampung.Id, accepted.PageStamp, now));
        Assert.Equal("venue-form", fields[SubmissionFields.Source]);
        Assert.Equal(Lampung.Id, fields[SubmissionFields.EventId]);
        Assert.Equal("2023-06-06", fields[SubmissionFields.SessionDate]);
    }

    [Fact]
    public void A_kept_sign_in_made_on_the_last_day_and_sent_the_next_morning_is_taken_for_the_day_it_was_made()
    {
        var servedAt = new DateTimeOffset(2023, 6, 8, 8, 0, 0, Wib);
        var madeAt = new DateTimeOffset(2023, 6, 8, 15, 0, 0, Wib);
        var stamp = stamps.Issue(Lampung.Id, servedAt);

        var outcome = Policy(new DateTimeOffset(2023, 6, 9, 8, 0, 0, Wib))
            .Judge(Lampung, Fields(sessionDate: "2023-06-08", checkInAt: "2023-06-08T15:00:00+07:00"), new VenuePageFields(PhoneKey, KeptOffline: true, stamp));

        var accepted = Assert.IsType<VenueSignInAccepted>(outcome);
        Assert.Equal(new DateOnly(2023, 6, 8), accepted.SessionDate);
        Assert.Equal(madeAt, accepted.CheckInAt);
        Assert.True(accepted.KeptOffline);
        Assert.Equal(stamp, accepted.PageStamp);
    }

    [Fact]
    public void A_kept_sign_in_on_a_page_left_open_overnight_is_for_the_day_it_was_made_not_the_day_the_page_shows()
    {
        var stamp = stamps.Issue(Lampung.Id, new DateTimeOffset(2023, 6, 6, 16, 0, 0, Wib));

        var outcome = Policy(new DateTimeOffset(2023, 6, 7, 8, 5, 0, Wib))
            .Judge(Lampung, Fields(sessionDate: "2023-06-06", checkInAt: "2023-06-07T08:00:00+07:00"), new VenuePageFields(PhoneKey, KeptOffline: true, stamp));

        var accepted = Assert.IsType<VenueSignInAccepted>(outcome);
        Assert.Equal(new DateOnly(2023, 6, 7), accepted.SessionDate);
        Assert.Equal(new DateTimeOffset(2023, 6, 7, 8, 0, 0, Wib), accepted.CheckInAt);
    }

    [Fact]
    public void A_live_sign_in_from_a_page_left_open_overnight_is_refused_for_its_day()
    {
        var fields = Fields(sessionDate: "2023-06-06");

        var outcome = Policy(new DateTimeOffset(2023, 6, 7, 8, 5, 0, Wib)).Judge(Lampung, fields, new VenuePageFields(PhoneKey, KeptOffline: false, Stamp: null));

        var refused = Assert.IsType<VenueSignInRefused>(outcome);
        Assert.Equal(
            "the event form records today's attendance only (2023-06-07); other days are entered by the organizer.",
            Assert.Single(refused.Errors.ToDictionary()[SubmissionFields.SessionDate]));
    }

    [Fact]
    public void A_stamp_of_another_event_does_not_date_a_kept_sign_in()
    {
        var now = new DateTimeOffset(2023, 6, 7, 9, 0, 0, Wib);
        var foreign = stamps.Issue("another-event", new DateTimeOffset(2023, 6, 6, 8, 0, 0, Wib));

        var outcome = Policy(now)
            .Judge(Lampung, Fields(sessionDate: "", checkInAt: "2023-06-06T09:00:00+07:00"), new VenuePageFields(PhoneKey, KeptOffline: true, foreign));

        var accepted = Assert.IsType<VenueSignInAccepted>(outcome);
        Assert.Equal(now, accepted.CheckInAt);
        Assert.Equal(new DateOnly(2023, 6, 7), accepted.SessionDate);
        Assert.False(accepted.KeptOffline);
        Assert.NotEqual(foreign, accepted.PageStamp);
    }

    [Fact]
    public void A_stated_time_before_the_page_was_served_is_held_to_the_serving()
    {
        var servedAt = new DateTimeOffset(2023, 6, 7, 9, 0, 0, Wib);
        var stamp = stamps.Issue(Lampung.Id, servedAt);

        var outcome = Policy(new DateTimeOffset(2023, 6, 7, 9, 30, 0, Wib))
            .Judge(Lampung, Fields(sessionDate: "2023-06-07", checkInAt: "2023-06-06T10:00:00+07:00"), new VenuePageFields(PhoneKey, KeptOffline: true, stamp));

        var accepted = Assert.IsType<VenueSignInAccepted>(outcome);
        Assert.Equal(servedAt, accepted.CheckInAt);
        Assert.Equal(new DateOnly(2023, 6, 7), accepted.SessionDate);
    }

    [Fact]
    public void After_the_last_day_in_western_Indonesia_the_form_is_closed()
    {
        var policy = Policy(new DateTimeOffset(2023, 6, 9, 0, 0, 0, Wib));

        var closed = Assert.IsType<VenueSignInClosed>(policy.Judge(Lampung, Fields(sessionDate: ""), new VenuePageFields(PhoneKey, KeptOffline: false, Stamp: null)));

        Assert.False(closed.NotYet);
        Assert.Equal(new DateTimeOffset(2023, 6, 9, 0, 0, 0, Wib), closed.ClosesAt);
        Assert.Equal(closed, policy.ClosedNow(Lampung));
    }

    [Fact]
    public void Before_the_first_day_in_eastern_Indonesia_the_form_is_not_yet_open()
    {
        // 23:59 WIT on 4 June: a minute before the form opens.
        var policy = Policy(new DateTimeOffset(2023, 6, 4, 23, 59, 0, TimeSpan.FromHours(9)));

        var closed = Assert.IsType<VenueSignInClosed>(policy.Judge(Lampung, Fields(sessionDate: ""), new VenuePageFields(PhoneKey, KeptOffline: false, Stamp: null)));

        Assert.True(closed.NotYet);
        Assert.Equal(new DateTimeOffset(2023, 6, 5, 0, 0, 0, TimeSpan.FromHours(9)), closed.OpensAt);
        Assert.Equal(closed, policy.ClosedNow(Lampung));
    }

    [Fact]
    public void A_sign_in_naming_another_event_is_refused_for_its_event()
    {
        var fields = Fields(sessionDate: "", eventId: "another-event");

        var outcome = Policy(new DateTimeOffset(2023, 6, 6, 9, 0, 0, Wib)).Judge(Lampung, fields, new VenuePageFields(PhoneKey, KeptOffline: false, Stamp: null));

        var refused = Assert.IsType<VenueSignInRefused>(outcome);
        Assert.Equal("must be this form's event, or left out.", Assert.Single(refused.Errors.ToDictionary()[SubmissionFields.EventId]));
    }

    private VenueSignInPolicy Policy(DateTimeOffset now) => new(stamps, new ManualTime(now));

    private static SubmissionFields Fields(string sessionDate, string? checkInAt = null, string? eventId = null)
    {
        var form = new Dictionary<string, StringValues>
        {
            [SubmissionFields.FullName] = "Budi Santoso",
            [SubmissionFields.SessionDate] = sessionDate,
        };
        if (checkInAt is not null)
        {
            form[SubmissionFields.CheckInAt] = checkInAt;
        }

        if (eventId is not null)
        {
            form[SubmissionFields.EventId] = eventId;
        }

        return SubmissionFields.FromForm(form);
    }
}
