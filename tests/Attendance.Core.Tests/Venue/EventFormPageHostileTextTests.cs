namespace Attendance.Core.Tests.Venue;

/// <summary>
/// The venue pages show what a participant typed: the form shown again after a refused post (every text field, every
/// kept choice, the page's hidden fields) and the confirmation (the name); and what the organizer typed: the event's
/// name and venue, on these and on the message pages. Hostile text in any of them stays text: the page has the markup
/// it has with a plain name there, and shows the hostile text as typed.
/// </summary>
public sealed class EventFormPageHostileTextTests
{
    private const string Plain = "Siti Nurhaliza";

    private static readonly TrainingEvent Lampung = new()
    {
        Id = "bimtek-lampung",
        Name = "Bimtek SPP-TIK Lampung",
        Venue = "Swiss-Belhotel Bandar Lampung",
        StartDate = new DateOnly(2023, 6, 5),
        EndDate = new DateOnly(2023, 6, 8),
        Province = RegionDirectory.Official.ResolveProvince("Lampung").Region,
        FormToken = "token-of-the-event-000000000000000",
    };

    private static readonly DateOnly[] OneDay = [new(2023, 6, 6)];

    // Near midnight two days are open and the day is a choice.
    private static readonly DateOnly[] TwoDays = [new(2023, 6, 6), new(2023, 6, 7)];

    /// <summary>Every field the page writes back as typed, as a text input, a kept choice or a hidden field.</summary>
    public static readonly string[] KeptFields =
    [
        SubmissionFields.FullName, SubmissionFields.Phone, SubmissionFields.Email, SubmissionFields.Institution, SubmissionFields.Position,
        SubmissionFields.Gender, SubmissionFields.InstitutionType, SubmissionFields.Regency, SubmissionFields.SessionDate,
        EventFormPage.ClientKeyField, SubmissionFields.CheckInAt, VenueStamp.Field,
    ];

    public static TheoryData<string, string> KeptFieldAndText =>
        new(from name in KeptFields from text in HostileText.All select (name, text));

    public static TheoryData<string> Texts => new(HostileText.All);

    [Theory]
    [MemberData(nameof(KeptFieldAndText))]
    public void A_value_kept_after_a_refused_post_stays_text(string field, string hostile)
    {
        var plain = RenderKept(Lampung, field, Plain);
        var page = RenderKept(Lampung, field, hostile);

        Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
        Assert.Contains(hostile, HostileTextMarkup.Text(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_province_and_regency_typed_for_an_event_without_a_province_stay_text(string hostile)
    {
        var anywhere = Lampung with { Province = null };
        foreach (var field in new[] { SubmissionFields.Province, SubmissionFields.Regency })
        {
            var plain = RenderKept(anywhere, field, Plain);
            var page = RenderKept(anywhere, field, hostile);

            Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
            Assert.Contains(hostile, HostileTextMarkup.Text(page), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_kept_choice_is_the_one_selected_and_shown_as_typed(string hostile)
    {
        var page = RenderKept(Lampung, SubmissionFields.Regency, hostile);

        var regency = page[page.IndexOf("<select id=\"f-regency\"", StringComparison.Ordinal)..];
        regency = regency[..(regency.IndexOf("</select>", StringComparison.Ordinal) + "</select>".Length)];
        var kept = regency[regency.IndexOf(" selected>", StringComparison.Ordinal)..];
        Assert.Equal($" selected>{hostile}</option></select>", HostileTextMarkup.Text(kept));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_confirmation_shows_the_name_as_typed(bool alreadyRecorded)
    {
        foreach (var hostile in HostileText.All)
        {
            var plain = Confirm(Plain, alreadyRecorded);
            var page = Confirm(hostile, alreadyRecorded);

            Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(page));
            Assert.Contains($"Kehadiran {hostile} ", HostileTextMarkup.Text(page.Replace("<strong>", string.Empty, StringComparison.Ordinal)
                .Replace("</strong>", string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_events_name_and_venue_stay_text_on_the_form_the_confirmation_and_a_message_page(string hostile)
    {
        var plainEvent = Lampung with { Name = Plain, Venue = Plain };
        var hostileEvent = Lampung with { Name = hostile, Venue = hostile };
        var pages = new (string Plain, string Hostile)[]
        {
            (EventFormPage.Render(plainEvent, OneDay, RegionDirectory.Official, FormState.Empty, Notice), EventFormPage.Render(hostileEvent, OneDay, RegionDirectory.Official, FormState.Empty, Notice)),
            (Confirm(plainEvent, Plain, alreadyRecorded: false), Confirm(hostileEvent, Plain, alreadyRecorded: false)),
            (MessagePage.Render(Plain, Plain, Plain), MessagePage.Render(hostile, hostile, hostile)),
        };

        Assert.All(pages, page =>
        {
            Assert.Equal(HostileTextMarkup.Shape(page.Plain), HostileTextMarkup.Shape(page.Hostile));
            Assert.Contains(hostile, HostileTextMarkup.Text(page.Hostile), StringComparison.Ordinal);
        });
    }

    private const string Notice = "Pemberitahuan privasi.";

    private static string RenderKept(TrainingEvent e, string field, string typed)
    {
        var values = new Dictionary<string, string?> { [field] = typed };
        var errors = FieldMessages.OnPage.Contains(field)
            ? new Dictionary<string, string> { [field] = FieldMessages.For(field, typed) }
            : new Dictionary<string, string>();
        var days = field == SubmissionFields.SessionDate ? TwoDays : OneDay;
        return EventFormPage.Render(e, days, RegionDirectory.Official, new FormState(values, errors, "Ada isian yang perlu diperbaiki."), Notice);
    }

    private static string Confirm(string name, bool alreadyRecorded) => Confirm(Lampung, name, alreadyRecorded);

    private static string Confirm(TrainingEvent e, string name, bool alreadyRecorded) =>
        EventFormPage.RenderConfirmation(e, name, OneDay[0], new DateTimeOffset(2023, 6, 6, 9, 0, 0, TimeSpan.FromHours(7)), alreadyRecorded);
}
