using Attendance.Corrections;

namespace Attendance.Core.Tests.Corrections;

/// <summary>How a correction meets the stored values, whom an erasure names, and what a reason may hold.</summary>
public sealed class CorrectionRulesTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.Official;
    private static readonly SubmissionValidator Validator = new(Regions);

    private static AttendanceSubmission Stored => new()
    {
        EventId = "bimtek-spptik-lampung-2023",
        SessionDate = new DateOnly(2023, 6, 5),
        FullName = "Siti Nurhaliza",
        Province = Regions.Get("18"),
        Regency = Regions.Get("18.09"),
        Email = "siti@example.org",
        Gender = "female",
        Institution = "Perpustakaan Desa Sukamaju",
        InstitutionType = "village_library",
        CheckInAt = new DateTimeOffset(2023, 6, 5, 8, 5, 0, TimeSpan.FromHours(7)),
        SubmissionId = "row-7",
        Source = "paper",
    };

    [Fact]
    public void A_patch_changes_only_what_it_names_and_the_sign_in_facts_stay()
    {
        var fields = CorrectableFields.Merge(Stored, new Dictionary<string, string?> { ["fullName"] = "Siti Nurhalizah" }, Regions);
        var corrected = Validator.Validate(fields);

        Assert.NotNull(corrected);
        Assert.Equal("Siti Nurhalizah", corrected.FullName);
        Assert.Equal(Stored with { FullName = "Siti Nurhalizah" }, corrected);
        Assert.Equal(["fullName"], CorrectableFields.Differences(Stored, corrected));
    }

    [Fact]
    public void A_null_clears_an_optional_field_and_the_identity_moves_to_the_next_rule()
    {
        var corrected = Validator.Validate(CorrectableFields.Merge(Stored, new Dictionary<string, string?> { ["email"] = null }, Regions));

        Assert.NotNull(corrected);
        Assert.Null(corrected.Email);
        Assert.Equal(["email"], CorrectableFields.Differences(Stored, corrected));
        Assert.Equal("name:siti nurhaliza@18.09", corrected.Identity.Value);
    }

    [Theory]
    [InlineData("31.71", "31")]
    [InlineData("18.71", "18")]
    public void A_regency_code_alone_brings_its_province(string regency, string province)
    {
        var corrected = Validator.Validate(CorrectableFields.Merge(Stored, new Dictionary<string, string?> { ["regency"] = regency }, Regions));

        Assert.NotNull(corrected);
        Assert.Equal((province, regency), (corrected.Province.Code, corrected.Regency.Code));
    }

    [Theory]
    [InlineData("fullName", null)]
    [InlineData("gender", "tidak tahu")]
    [InlineData("phone", "12")]
    [InlineData("regency", "Kabupaten Atlantis")]
    [InlineData("institution", "hubungi siti@example.org")]
    public void A_patch_is_refused_by_the_rules_a_new_submission_meets(string field, string? value)
    {
        var fields = CorrectableFields.Merge(Stored, new Dictionary<string, string?> { [field] = value }, Regions);

        Assert.Null(Validator.Validate(fields));
        Assert.True(fields.Errors.Has(field), string.Join("; ", fields.Errors.ToDictionary().Keys));
    }

    [Theory]
    [InlineData("eventId", false)]
    [InlineData("sessionDate", false)]
    [InlineData("checkInAt", false)]
    [InlineData("source", false)]
    [InlineData("submissionId", false)]
    [InlineData("fullName", true)]
    [InlineData("phone", true)]
    public void Only_the_persons_own_fields_are_correctable(string field, bool correctable) =>
        Assert.Equal(correctable, CorrectableFields.IsCorrectable(field));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("  ", "is required")]
    [InlineData("telepon 0812 3456 7890", "email address or a phone number")]
    public void A_reason_is_required_and_holds_no_contact_details(string? reason, string message)
    {
        var errors = new FieldErrors();

        Assert.Null(ChangeRequest.From("admin", reason, errors));
        Assert.Contains(message, Assert.Single(errors.ToDictionary()["reason"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SITI@Example.org", null, true)]
    [InlineData(null, "+62 812-3456-7890", false)]
    [InlineData("budi@example.org", null, false)]
    public void An_erasure_by_contact_matches_the_normalized_contact(string? email, string? phone, bool matches)
    {
        var errors = new FieldErrors();
        var person = PersonQuery.From(email, phone, null, null, null, Validator, Regions, errors);

        Assert.NotNull(person);
        Assert.Equal(matches, person.Matches(Stored));
    }

    [Theory]
    [InlineData("siti  NURHALIZA", "18.09", null, true)]
    [InlineData("Siti Nurhaliza", "Kab. Pesawaran", "Lampung", true)]
    [InlineData("Siti Nurhaliza", "18.71", null, false)]
    [InlineData("Siti Nurhalizah", "18.09", null, false)]
    public void An_erasure_by_name_compares_names_as_the_identity_rules_do_within_the_regency(string name, string regency, string? province, bool matches)
    {
        var errors = new FieldErrors();
        var person = PersonQuery.From(null, null, name, province, regency, Validator, Regions, errors);

        Assert.True(person is not null, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
        Assert.Equal(matches, person.Matches(Stored));
    }

    [Fact]
    public void An_erasure_that_names_nobody_is_refused_on_email()
    {
        var errors = new FieldErrors();

        Assert.Null(PersonQuery.From(null, null, null, null, null, Validator, Regions, errors));
        Assert.True(errors.Has("email"));
    }
}
