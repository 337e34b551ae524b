using System.Text;
using System.Text.Encodings.Web;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Venue;

/// <summary>
/// The venue sign-in page a QR code opens: Indonesian, one column for a 360 px phone, plain HTML that posts back to
/// itself without script, and a small hashed script (<c>venue.js</c>) that sends without reloading, shows that it is
/// sending, and keeps a sign-in on the phone while there is no connection. After a refused post every value is
/// there again and each message stands under its field. Above the send button stands the short privacy notice
/// (<see cref="Privacy.PrivacyNotice"/>) with a link to the full one (<see cref="PrivacyPage"/>).
/// </summary>
public static class EventFormPage
{
    /// <summary>The hidden field of the phone's idempotency key (see <see cref="VenueSubmissionId"/>).</summary>
    public const string ClientKeyField = "clientKey";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The id of the short privacy notice the send button is described by.</summary>
    public const string PrivacyNoticeId = "privacy-notice";

    /// <summary>
    /// The form of <paramref name="e"/>. With the event's province known, the province is chosen from the official
    /// list (the event's by default: committee and trainers come from other provinces) and the regency from the chosen
    /// province's; each province's option carries its regencies, so the script changes the list without a round trip.
    /// </summary>
    public static string Render(TrainingEvent e, IReadOnlyList<DateOnly> sessionDates, RegionDirectory regions, FormState state, string privacyNotice)
    {
        var page = new StringBuilder(16_384);
        Layout.Head(page, "Daftar hadir: " + e.Name);
        page.Append("<main id=\"main\">");
        EventHeader(page, e);
        page.Append("<div id=\"status\" role=\"status\" aria-live=\"polite\">");
        if (state.Notice is not null)
        {
            page.Append("<p class=\"notice error\">").Append(Html.Encode(state.Notice)).Append("</p>");
        }

        page.Append("</div>");
        page.Append("<form method=\"post\" novalidate data-venue>")
            .Append("<p class=\"legend\">Isian bertanda <span class=\"req\">*</span> wajib diisi.</p>");
        Hidden(page, ClientKeyField, state.Value(ClientKeyField) ?? string.Empty);
        Hidden(page, SubmissionFields.CheckInAt, state.Value(SubmissionFields.CheckInAt) ?? string.Empty);
        Hidden(page, VenueStamp.Field, state.Value(VenueStamp.Field) ?? string.Empty);
        if (state.Value(VenueStamp.KeptOfflineField) == "1")
        {
            // A refused kept sign-in shown for correction: sent again, it is still dated by its stamp, not by now.
            Hidden(page, VenueStamp.KeptOfflineField, "1");
        }

        Day(page, sessionDates, state);

        Input(page, state, SubmissionFields.FullName, "Nama lengkap", "text", required: true, autocomplete: "name", hint: "Seperti yang akan tertulis di sertifikat.");
        Choice(page, state, SubmissionFields.Gender, "Jenis kelamin", Vocabulary.Gender.Terms.Select(t => (t.Code, t.Indonesian)));
        Input(page, state, SubmissionFields.Phone, "Nomor HP (WhatsApp)", "tel", required: false, autocomplete: "tel", inputMode: "tel", hint: "Contoh: 0812 3456 7890");
        Input(page, state, SubmissionFields.Email, "Email", "email", required: false, autocomplete: "email", inputMode: "email");
        Input(page, state, SubmissionFields.Institution, "Instansi", "text", required: false, autocomplete: "organization", hint: "Contoh: Dinas Perpustakaan Kabupaten …, Perpustakaan Desa …");
        Choice(page, state, SubmissionFields.InstitutionType, "Jenis perpustakaan", Vocabulary.InstitutionType.Terms.Select(t => (t.Code, t.Indonesian)));
        Input(page, state, SubmissionFields.Position, "Jabatan", "text", required: false, autocomplete: "organization-title");
        if (e.Province is { } eventProvince)
        {
            // The province as sent back (a refused post), else the event's; the regency list is that province's, so
            // without script a changed province gets its own list on the answer that asks for the regency again.
            var province = ChosenProvince(regions, state) ?? eventProvince;
            ProvinceChoice(page, state, regions, province);
            Choice(page, state, SubmissionFields.Regency, "Kabupaten/Kota asal", regions.RegenciesOf(province.Code).Select(r => (r.Name, r.Name)), required: true);
        }
        else
        {
            Input(page, state, SubmissionFields.Province, "Provinsi", "text", required: true, autocomplete: "address-level1");
            Input(page, state, SubmissionFields.Regency, "Kabupaten/Kota asal", "text", required: true, autocomplete: "address-level2");
        }

        // Read before sending, next to the button: who keeps the data, why, for how long, whom to ask. The link is
        // relative to the form's own path and holds no token (the page body never does: the link alone opens the
        // form); venue.js gives it this page's query when followed, so the full notice names this event. Without
        // script it opens the same notice for no named event.
        page.Append("<p class=\"privacy\" id=\"").Append(PrivacyNoticeId).Append("\">").Append(Html.Encode(privacyNotice))
            .Append(" <a href=\"privacy\" data-with-query>Baca pemberitahuan privasi lengkap</a></p>");
        page.Append("<button type=\"submit\" aria-describedby=\"").Append(PrivacyNoticeId).Append("\">Kirim kehadiran</button></form></main>")
            .Append("<script>").Append(PageAssets.Script).Append("</script></body></html>");
        return page.ToString();
    }

    /// <summary>
    /// The page after a sign-in: who, which day, what time. For a repeat, the stored attendance's name, day and time
    /// (the person may have typed their name differently the second time).
    /// </summary>
    public static string RenderConfirmation(TrainingEvent e, string fullName, DateOnly sessionDate, DateTimeOffset checkInAt, bool alreadyRecorded)
    {
        var zone = IndonesianTimeZone.Of(e.Province);
        var page = new StringBuilder(4096);
        Layout.Head(page, "Kehadiran tercatat: " + e.Name);
        page.Append("<main id=\"main\">");
        EventHeader(page, e);
        // The live region the script writes its notes in (sign-ins this device still keeps, sent or refused ones).
        page.Append("<div id=\"status\" role=\"status\" aria-live=\"polite\"></div>");
        page.Append("<section id=\"confirmation\" class=\"ok\" tabindex=\"-1\"><h2>")
            .Append(alreadyRecorded ? "Sudah tercatat" : "Terima kasih")
            .Append("</h2><p>");
        if (alreadyRecorded)
        {
            page.Append("Kehadiran <strong>").Append(Html.Encode(fullName)).Append("</strong> pada <strong>")
                .Append(IndonesianDates.DayAndDate(sessionDate)).Append("</strong> sudah tercatat sebelumnya, pukul <strong>")
                .Append(IndonesianDates.Time(checkInAt, zone)).Append("</strong>. Tidak perlu mengisi lagi.");
        }
        else
        {
            page.Append("Kehadiran <strong>").Append(Html.Encode(fullName)).Append("</strong> tercatat pada <strong>")
                .Append(IndonesianDates.DayAndDate(sessionDate)).Append("</strong> pukul <strong>")
                .Append(IndonesianDates.Time(checkInAt, zone)).Append("</strong>.");
        }

        page.Append("</p><p><a href=\"?token=").Append(Html.Encode(Uri.EscapeDataString(e.FormToken)))
            .Append("\">Isi daftar hadir untuk peserta lain</a></p></section></main>")
            .Append("<script>").Append(PageAssets.Script).Append("</script></body></html>");
        return page.ToString();
    }

    private static Region? ChosenProvince(RegionDirectory regions, FormState state) =>
        state.Value(SubmissionFields.Province) is { Length: > 0 } typed ? regions.ResolveProvince(typed).Region : null;

    /// <summary>
    /// The province list: every official province by name, <paramref name="chosen"/> selected, each option carrying
    /// its regencies' names (<c>data-regencies</c>, joined by <c>|</c>, which no official name holds) for venue.js.
    /// </summary>
    private static void ProvinceChoice(StringBuilder page, FormState state, RegionDirectory regions, Region chosen)
    {
        Label(page, SubmissionFields.Province, "Provinsi asal", required: true);
        page.Append("<select id=\"f-").Append(SubmissionFields.Province).Append("\" name=\"").Append(SubmissionFields.Province)
            .Append("\" required aria-required=\"true\" autocomplete=\"address-level1\"");
        Described(page, state, SubmissionFields.Province, ProvinceHint);
        page.Append('>');
        foreach (var province in regions.Provinces)
        {
            page.Append("<option value=\"").Append(Html.Encode(province.Name)).Append("\" data-regencies=\"")
                .Append(Html.Encode(string.Join('|', regions.RegenciesOf(province.Code).Select(r => r.Name)))).Append('"')
                .Append(province.Code == chosen.Code ? " selected" : string.Empty)
                .Append('>').Append(Html.Encode(province.Name)).Append("</option>");
        }

        page.Append("</select>");
        Messages(page, state, SubmissionFields.Province, ProvinceHint);
    }

    private const string ProvinceHint = "Panitia atau narasumber dari provinsi lain: pilih provinsi Anda, lalu kabupaten/kota.";

    private static void EventHeader(StringBuilder page, TrainingEvent e)
    {
        page.Append("<header><p class=\"eyebrow\">Daftar hadir</p><h1>").Append(Html.Encode(e.Name)).Append("</h1><p class=\"meta\">");
        if (!string.IsNullOrWhiteSpace(e.Venue))
        {
            page.Append(Html.Encode(e.Venue)).Append("<br>");
        }

        page.Append(IndonesianDates.Range(e.StartDate, e.EndDate)).Append("</p></header>");
    }

    private static void Day(StringBuilder page, IReadOnlyList<DateOnly> sessionDates, FormState state)
    {
        var chosen = state.Value(SubmissionFields.SessionDate);
        var error = state.Errors.GetValueOrDefault(SubmissionFields.SessionDate);
        if (sessionDates.Count == 1 && error is null)
        {
            // Near midnight two dates are open (WIB and WIT); otherwise the day is today and is not asked.
            page.Append("<p class=\"day\">Hari: <strong>").Append(IndonesianDates.DayAndDate(sessionDates[0])).Append("</strong></p>");
            Hidden(page, SubmissionFields.SessionDate, sessionDates[0].ToString("O"));
            return;
        }

        Choice(page, state, SubmissionFields.SessionDate, "Hari", sessionDates.Select(d => (d.ToString("O"), IndonesianDates.DayAndDate(d))), required: true,
            selected: chosen ?? sessionDates.FirstOrDefault().ToString("O"), emptyOption: false);
    }

    private static void Hidden(StringBuilder page, string name, string value) =>
        page.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");

    private static void Label(StringBuilder page, string name, string label, bool required)
    {
        page.Append("<div class=\"field\"><label for=\"f-").Append(name).Append("\">").Append(Html.Encode(label));
        page.Append(required ? " <span class=\"req\" aria-hidden=\"true\">*</span>" : " <span class=\"opt\">(tidak wajib)</span>").Append("</label>");
    }

    private static void Described(StringBuilder page, FormState state, string name, string? hint)
    {
        var error = state.Errors.GetValueOrDefault(name);
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add("h-" + name);
        }

        if (error is not null)
        {
            ids.Add("e-" + name);
            page.Append(" aria-invalid=\"true\"");
        }

        if (ids.Count > 0)
        {
            page.Append(" aria-describedby=\"").Append(string.Join(' ', ids)).Append('"');
        }
    }

    private static void Messages(StringBuilder page, FormState state, string name, string? hint)
    {
        if (hint is not null)
        {
            page.Append("<p class=\"hint\" id=\"h-").Append(name).Append("\">").Append(Html.Encode(hint)).Append("</p>");
        }

        if (state.Errors.GetValueOrDefault(name) is { } error)
        {
            page.Append("<p class=\"error\" id=\"e-").Append(name).Append("\">").Append(Html.Encode(error)).Append("</p>");
        }

        page.Append("</div>");
    }

    private static void Input(
        StringBuilder page, FormState state, string name, string label, string type, bool required, string autocomplete,
        string? inputMode = null, string? hint = null, string? fixedValue = null)
    {
        Label(page, name, label, required);
        page.Append("<input id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type)
            .Append("\" autocomplete=\"").Append(autocomplete).Append('"');
        if (inputMode is not null)
        {
            page.Append(" inputmode=\"").Append(inputMode).Append('"');
        }

        if (required)
        {
            page.Append(" required aria-required=\"true\"");
        }

        if (fixedValue is not null)
        {
            page.Append(" readonly");
        }

        var value = fixedValue ?? state.Value(name);
        if (!string.IsNullOrEmpty(value))
        {
            page.Append(" value=\"").Append(Html.Encode(value)).Append('"');
        }

        Described(page, state, name, hint);
        page.Append('>');
        Messages(page, state, name, hint);
    }

    private static void Choice(
        StringBuilder page, FormState state, string name, string label, IEnumerable<(string Value, string Label)> options,
        bool required = false, string? selected = null, bool emptyOption = true)
    {
        Label(page, name, label, required);
        page.Append("<select id=\"f-").Append(name).Append("\" name=\"").Append(name).Append('"');
        if (required)
        {
            page.Append(" required aria-required=\"true\"");
        }

        Described(page, state, name, hint: null);
        page.Append('>');
        selected ??= state.Value(name);
        if (emptyOption)
        {
            page.Append("<option value=\"\">— Pilih —</option>");
        }

        var matched = false;
        foreach (var (value, text) in options)
        {
            var isSelected = !matched && selected is not null && string.Equals(value, selected, StringComparison.OrdinalIgnoreCase);
            matched |= isSelected;
            page.Append("<option value=\"").Append(Html.Encode(value)).Append('"').Append(isSelected ? " selected" : string.Empty)
                .Append('>').Append(Html.Encode(text)).Append("</option>");
        }

        if (!matched && !string.IsNullOrWhiteSpace(selected))
        {
            // A value the list does not hold (typed elsewhere, or an old spelling) is kept and shown as typed.
            page.Append("<option value=\"").Append(Html.Encode(selected)).Append("\" selected>").Append(Html.Encode(selected)).Append("</option>");
        }

        page.Append("</select>");
        Messages(page, state, name, hint: null);
    }
}
