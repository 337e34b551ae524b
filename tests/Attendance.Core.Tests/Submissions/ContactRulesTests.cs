using Attendance.Submissions;

namespace Attendance.Core.Tests.Submissions;

public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("  Siti   Nur'aini ", "Siti Nur'aini")]
    [InlineData("Made\u00A0Wirawan", "Made Wirawan")]
    [InlineData("Ayu 😊", "Ayu 😊")]
    public void Text_is_trimmed_and_inner_space_folded(string given, string expected)
    {
        var errors = new FieldErrors();
        Assert.Equal(expected, TextRules.Clean("fullName", given, 200, required: true, errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Budi\nSantoso", "control characters")]
    [InlineData("Budi\u0000", "control characters")]
    [InlineData("Budi\u2028", "control characters")]
    [InlineData("   ", "is required")]
    public void Bad_text_is_refused_naming_the_field(string given, string reason)
    {
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("fullName", given, 200, required: true, errors));
        Assert.Contains(reason, Assert.Single(errors.ToDictionary()["fullName"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_UTF16_is_refused()
    {
        // Not a theory: xunit's data serialization would replace the lone surrogate before the test saw it.
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("fullName", "Budi" + '\uD800', 200, required: true, errors));
        Assert.Contains("unpaired surrogate", Assert.Single(errors.ToDictionary()["fullName"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_limit_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(TextRules.Clean("position", new string('x', 101), 100, required: false, errors));
        Assert.Null(TextRules.Clean("fullName", new string('x', 70_000), 200, required: true, errors));
        Assert.Equal(["position", "fullName"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("62812 3456 7890", "6281234567890")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("(0721) 123456", "62721123456")]
    [InlineData("+1 415 555 0100", "14155550100")]
    public void Phone_numbers_written_differently_are_one_number(string given, string expected)
    {
        var errors = new FieldErrors();
        Assert.Equal(expected, ContactRules.NormalizePhone(given, errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0812abc")]
    [InlineData("1234567890")]
    [InlineData("+62 812 3456 7890 1234 5")]
    public void Implausible_phone_numbers_are_refused(string given)
    {
        var errors = new FieldErrors();
        Assert.Null(ContactRules.NormalizePhone(given, errors));
        Assert.True(errors.Has("phone"));
    }

    [Theory]
    [InlineData(" Siti.Aminah@Perpusnas.GO.ID ", "siti.aminah@perpusnas.go.id")]
    [InlineData("a+b@mail.co.id", "a+b@mail.co.id")]
    public void Emails_are_lower_cased(string given, string expected)
    {
        var errors = new FieldErrors();
        Assert.Equal(expected, ContactRules.NormalizeEmail(given, errors));
    }

    [Theory]
    [InlineData("siti@")]
    [InlineData("siti@localhost")]
    [InlineData("siti aminah@mail.com")]
    [InlineData("@mail.com")]
    [InlineData("siti@@mail.com")]
    [InlineData("siti@mail..com")]
    public void Invalid_emails_are_refused(string given)
    {
        var errors = new FieldErrors();
        Assert.Null(ContactRules.NormalizeEmail(given, errors));
        Assert.True(errors.Has("email"));
    }

    [Theory]
    [InlineData("budi.santoso@example.id 0812-3456-7890")]
    [InlineData("Perpustakaan Desa Sukamaju (budi@perpusdes.id)")]
    [InlineData("Perpustakaan Desa Sukamaju, hubungi 0812 3456 7890")]
    [InlineData("Dinas Perpustakaan telp. (0721) 481 234")]
    [InlineData("Pustakawan +62 812-3456-7890")]
    [InlineData("Kepala +62 (0)812 3456 7890")]
    [InlineData("SMA Negeri 1 Bandar Lampung 0812.3456.7890")]
    [InlineData("Tahun 2023 081234567890")]
    [InlineData("WA 812 3456 7890")]
    [InlineData("Pustakawan ０８１２３４５６７８９０")]
    [InlineData("budi＠example.id")]
    [InlineData("surel: siti@perpustakaan.bücher.example.")]
    public void Free_text_holding_an_email_or_a_phone_number_is_refused_naming_the_field(string text)
    {
        var errors = new FieldErrors();
        ContactDetailsInText.Refuse("institution", text, errors);
        Assert.Equal(ContactDetailsInText.Rule, Assert.Single(errors.ToDictionary()["institution"]));
    }

    [Theory]
    [InlineData("SMA Negeri 1 Bandar Lampung")]
    [InlineData("Perpustakaan Desa RT 03/RW 05")]
    [InlineData("Perpustakaan Desa Sukamaju Tahun 2023")]
    [InlineData("Kepala Perpustakaan (2019-2024)")]
    [InlineData("SD Negeri 2 Metro, NPSN 10807123")]
    [InlineData("Jl. Ahmad Yani No. 12, Kode Pos 35111")]
    [InlineData("Pustakawan Ahli Muda sejak 01-07-2015")]
    [InlineData("Kepala Perpustakaan periode 01-07-2015 - 30-06-2020")]
    [InlineData("Masa jabatan 2015-07-01 s.d. 2020-06-30")]
    [InlineData("Pelatihan 5/6/2023 - 8/6/2023")]
    [InlineData("SK No. 800/123/IV.02/2023")]
    [InlineData("Perpustakaan @perpusdes_sukamaju")]
    [InlineData("Pustakawan Ahli Pertama, Gol. III/a")]
    [InlineData("Taman Bacaan 17 Agustus 1945")]
    public void Indonesian_institutions_and_positions_with_numbers_are_not_contact_details(string text)
    {
        var errors = new FieldErrors();
        ContactDetailsInText.Refuse("institution", text, errors);
        Assert.True(errors.IsEmpty, text);
    }

    [Fact]
    public void A_participant_is_known_by_email_then_phone_then_name_in_regency()
    {
        Assert.Equal("email:a@b.id", ParticipantIdentity.From("a@b.id", "6281", "Budi", "18.71").Value);
        Assert.Equal("phone:6281", ParticipantIdentity.From(null, "6281", "Budi", "18.71").Value);
        Assert.Equal("name:budi santoso@18.71", ParticipantIdentity.From(null, null, "BUDI  Santoso", "18.71").Value);
    }

    [Theory]
    [InlineData("Siti Nur'aini", "SITI NURAINI")]
    [InlineData("Dra. Ratna Dewi", "dra ratna dewi")]
    [InlineData("José Ramos", "jose ramos")]
    public void Names_typed_differently_are_one_name(string a, string b) =>
        Assert.Equal(ParticipantIdentity.NormalizeName(a), ParticipantIdentity.NormalizeName(b));

    [Fact]
    public void The_pseudonym_depends_on_the_secret_and_hides_the_identity()
    {
        var identity = ParticipantIdentity.From("siti@perpusnas.go.id", null, "Siti", "18.71");
        var one = identity.PseudonymKey("secret-one-000000000000000000000"u8.ToArray());
        var two = identity.PseudonymKey("secret-two-000000000000000000000"u8.ToArray());
        Assert.Equal(64, one.Length);
        Assert.NotEqual(one, two);
        Assert.Equal(one, identity.PseudonymKey("secret-one-000000000000000000000"u8.ToArray()));
        Assert.DoesNotContain("siti", one, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P", "female")]
    [InlineData("Laki-laki", "male")]
    [InlineData("perempuan", "female")]
    [InlineData("MALE", "male")]
    public void Gender_is_stored_as_one_code(string given, string expected) =>
        Assert.Equal(expected, Vocabulary.Gender.Normalize(given, new FieldErrors()));

    [Theory]
    [InlineData("Perpustakaan Desa", "village_library")]
    [InlineData("regency public library", "regency_public_library")]
    [InlineData("city_public_library", "city_public_library")]
    [InlineData("TBM", "community_library")]
    public void Institution_types_are_stored_as_one_code(string given, string expected) =>
        Assert.Equal(expected, Vocabulary.InstitutionType.Normalize(given, new FieldErrors()));

    [Fact]
    public void An_unknown_vocabulary_value_lists_the_codes()
    {
        var errors = new FieldErrors();
        Assert.Null(Vocabulary.Gender.Normalize("x", errors));
        Assert.Equal("must be one of: female, male, or their labels (Perempuan, Laki-laki).", Assert.Single(errors.ToDictionary()["gender"]));
    }

    [Theory]
    [InlineData("bimtek-lampung-2023", true)]
    [InlineData("uuid:6f1c2a9e-1b2c-4d3e-8f90-123456789abc", true)]
    [InlineData("x' or PartitionKey ne '", false)]
    [InlineData("a/b", false)]
    [InlineData("a#b", false)]
    [InlineData("a?b", false)]
    [InlineData("a\\b", false)]
    [InlineData("-starts-with-dash", false)]
    [InlineData("", false)]
    public void Ids_that_become_storage_keys_are_restricted(string id, bool valid) =>
        Assert.Equal(valid, Identifiers.IsValid(id));
}
