using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Corrections;

/// <summary>
/// Whom an erasure is for: an email address and/or a phone number, normalized as a submission's are; or, for
/// someone who gave neither, a full name (compared as the identity rules compare names) with the province and
/// regency (a regency's official code alone names its province too). A record matches when any given contact equals its own, or, for a name query, when its name and regency do.
/// </summary>
public sealed record PersonQuery(string? Email, string? Phone, string? NormalizedName, Region? Regency)
{
    /// <summary>The query, or null with errors naming the fields (the same rules and messages as a submission's).</summary>
    public static PersonQuery? From(
        string? email, string? phone, string? fullName, string? province, string? regency, SubmissionValidator validator, RegionDirectory regions, FieldErrors errors)
    {
        var normalizedEmail = ContactRules.NormalizeEmail(email, errors);
        var normalizedPhone = ContactRules.NormalizePhone(phone, errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        if (normalizedEmail is not null || normalizedPhone is not null)
        {
            return new PersonQuery(normalizedEmail, normalizedPhone, null, null);
        }

        if (string.IsNullOrWhiteSpace(fullName))
        {
            errors.Add(SubmissionFields.Email, "give the person's email or phone, or their fullName with province and regency.");
            return null;
        }

        var fields = new SubmissionFields();
        fields.Set(SubmissionFields.Province, string.IsNullOrWhiteSpace(province) ? CorrectableFields.ProvinceOf(regency, regions) ?? string.Empty : province);
        fields.Set(SubmissionFields.Regency, regency ?? string.Empty);
        var (_, resolved) = validator.ResolveRegions(fields, errors);
        var name = ParticipantIdentity.NormalizeName(fullName);
        if (name.Length == 0)
        {
            errors.Add(SubmissionFields.FullName, "must contain at least one letter.");
        }

        return errors.IsEmpty && resolved is not null ? new PersonQuery(null, null, name, resolved) : null;
    }

    /// <summary>Whether the live attendance <paramref name="attendance"/> is this person's.</summary>
    public bool Matches(AttendanceSubmission attendance) =>
        (Email is not null && attendance.Email == Email)
        || (Phone is not null && attendance.Phone == Phone)
        || (NormalizedName is not null && attendance.Regency.Code == Regency!.Code && ParticipantIdentity.NormalizeName(attendance.FullName) == NormalizedName);
}
