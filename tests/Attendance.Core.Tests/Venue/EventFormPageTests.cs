using System.Text.RegularExpressions;

namespace Attendance.Core.Tests.Venue;

public sealed class EventFormPageTests
{
    private static readonly TrainingEvent Lampung = TestEvents.Lampung() with
    {
        Id = "bimtek-lampung",
        Province = RegionDirectory.Official.ResolveProvince("Lampung").Region,
        FormToken = "token-of-the-event-000000000000000",
    };

    [Fact]
    public void What_was_typed_comes_back_encoded_so_it_cannot_become_markup()
    {
        var typed = new Dictionary<string, string?> { [SubmissionFields.FullName] = "\"><script>alert(1)</script>" };
        var html = Render(new FormState(typed, new Dictionary<string, string>(), null));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void A_refused_field_is_marked_invalid_and_described_by_its_message_and_its_hint()
    {
        var typed = new Dictionary<string, string?> { [SubmissionFields.Phone] = "12ab" };
        var errors = new Dictionary<string, string> { [SubmissionFields.Phone] = FieldMessages.For(SubmissionFields.Phone, "12ab") };
        var html = Render(new FormState(typed, errors, "Ada isian yang perlu diperbaiki."));

        Assert.Contains("name=\"phone\" type=\"tel\" autocomplete=\"tel\" inputmode=\"tel\" value=\"12ab\" aria-invalid=\"true\" aria-describedby=\"h-phone e-phone\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"e-phone\">Nomor HP tidak valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid=\"true\" aria-describedby=\"h-fullName", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_province_on_the_event_province_and_regency_are_typed()
    {
        var html = EventFormPage.Render(Lampung with { Province = null }, [new DateOnly(2023, 6, 6)], RegionDirectory.Official, FormState.Empty, "Pemberitahuan privasi.");

        Assert.Contains("name=\"province\" type=\"text\" autocomplete=\"address-level1\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"regency\" type=\"text\" autocomplete=\"address-level2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Near_midnight_both_open_days_are_offered_by_name()
    {
        var html = EventFormPage.Render(Lampung, [new DateOnly(2023, 6, 6), new DateOnly(2023, 6, 7)], RegionDirectory.Official, FormState.Empty, "Pemberitahuan privasi.");

        Assert.Contains("<option value=\"2023-06-06\" selected>Selasa, 6 Juni 2023</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2023-06-07\">Rabu, 7 Juni 2023</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_on_the_page_has_its_own_Indonesian_message()
    {
        var generic = FieldMessages.For("unknown", "x");
        Assert.All(FieldMessages.OnPage, field => Assert.NotEqual(generic, FieldMessages.For(field, "x")));
        Assert.NotEqual(FieldMessages.For(SubmissionFields.FullName, ""), FieldMessages.For(SubmissionFields.FullName, "x"));
    }

    [Fact]
    public void Contact_details_typed_into_a_text_field_are_sent_to_the_phone_and_email_fields()
    {
        var message = FieldMessages.For(SubmissionFields.Institution, "Perpustakaan Desa Sukamaju 0812 3456 7890");
        Assert.Contains("kolom Nomor HP dan Email", message, StringComparison.Ordinal);
        Assert.Equal(message, FieldMessages.For(SubmissionFields.Position, "Kepala, budi@perpusdes.id"));
        Assert.NotEqual(message, FieldMessages.For(SubmissionFields.Institution, "Perpustakaan Desa RT 03/RW 05 " + new string('x', 300)));
    }

    [Fact]
    public void The_privacy_notice_stands_just_before_the_send_button_which_it_describes_and_links_the_full_notice_without_the_token()
    {
        var html = EventFormPage.Render(Lampung, [new DateOnly(2023, 6, 6)], RegionDirectory.Official, FormState.Empty, "Data ini <dikumpulkan> oleh panitia.");

        Assert.Contains(
            "<p class=\"privacy\" id=\"privacy-notice\">Data ini &lt;dikumpulkan&gt; oleh panitia. "
            + "<a href=\"privacy\" data-with-query>Baca pemberitahuan privasi lengkap</a></p>"
            + "<button type=\"submit\" aria-describedby=\"privacy-notice\">Kirim kehadiran</button>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_province_is_chosen_from_the_official_list_the_events_by_default_each_carrying_its_regencies()
    {
        var html = Render(FormState.Empty);

        Assert.Contains("<select id=\"f-province\" name=\"province\" required aria-required=\"true\" autocomplete=\"address-level1\" aria-describedby=\"h-province\">", html, StringComparison.Ordinal);
        Assert.Equal(RegionDirectory.Official.Provinces.Count, Regex.Matches(html, "<option value=\"[^\"]*\" data-regencies=").Count);
        Assert.Matches("<option value=\"Lampung\" data-regencies=\"Kabupaten Lampung Selatan[|][^\"]*Kota Metro\" selected>Lampung</option>", html);
        Assert.Contains("<option value=\"Kabupaten Pesawaran\">Kabupaten Pesawaran</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"Kota Administrasi Jakarta Selatan\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_sent_back_chooses_the_regency_list_so_the_page_works_without_script()
    {
        var typed = new Dictionary<string, string?>
        {
            [SubmissionFields.Province] = "Daerah Khusus Ibukota Jakarta",
            [SubmissionFields.Regency] = "Kabupaten Pesawaran",
        };
        var errors = new Dictionary<string, string> { [SubmissionFields.Regency] = FieldMessages.For(SubmissionFields.Regency, "Kabupaten Pesawaran") };

        var html = Render(new FormState(typed, errors, "Ada isian yang perlu diperbaiki."));

        Assert.Matches("<option value=\"Daerah Khusus Ibukota Jakarta\" data-regencies=\"[^\"]*\" selected>", html);
        Assert.DoesNotMatch("<option value=\"Lampung\" data-regencies=\"[^\"]*\" selected>", html);
        Assert.Contains("<option value=\"Kota Administrasi Jakarta Selatan\">", html, StringComparison.Ordinal);
        // The Lampung regency is kept as sent, marked, so the participant sees what to change.
        Assert.Contains("<option value=\"Kabupaten Pesawaran\" selected>Kabupaten Pesawaran</option>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-regency\" name=\"regency\" required aria-required=\"true\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    private static string Render(FormState state) =>
        EventFormPage.Render(Lampung, [new DateOnly(2023, 6, 6)], RegionDirectory.Official, state, "Pemberitahuan privasi.");
}
