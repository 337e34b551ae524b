using System.Globalization;
using System.Text.RegularExpressions;
using Attendance.Regions;

namespace Attendance.Submissions;

/// <summary>
/// Checks one submission's fields and normalizes them. Pure: whether the event exists and the session
/// date lies within it is checked against the store by <see cref="SubmissionIntake"/>.
/// </summary>
public sealed partial class SubmissionValidator(RegionDirectory regions)
{
    public const int MaxNameLength = 200;
    public const int MaxInstitutionLength = 200;
    public const int MaxPositionLength = 100;
    public const int MaxSourceLength = 64;

    /// <summary>The submission, or null with every problem recorded in <c>fields.Errors</c>.</summary>
    public AttendanceSubmission? Validate(SubmissionFields fields)
    {
        var errors = fields.Errors;
        var eventId = RequiredId(SubmissionFields.EventId, fields, errors);
        var sessionDate = ParseDate(SubmissionFields.SessionDate, fields[SubmissionFields.SessionDate], errors);
        var fullName = Clean(SubmissionFields.FullName, fields, MaxNameLength, required: true);
        if (fullName is not null && !HasLetter(fullName))
        {
            errors.Add(SubmissionFields.FullName, "must contain at least one letter.");
            fullName = null;
        }

        var (province, regency) = ResolveRegions(fields, errors);
        var email = errors.Has(SubmissionFields.Email) ? null : ContactRules.NormalizeEmail(fields[SubmissionFields.Email], errors);
        var phone = errors.Has(SubmissionFields.Phone) ? null : ContactRules.NormalizePhone(fields[SubmissionFields.Phone], errors);
        var gender = Vocabulary.Gender.Normalize(fields[SubmissionFields.Gender], errors);
        var institution = Clean(SubmissionFields.Institution, fields, MaxInstitutionLength, required: false);
        var institutionType = Vocabulary.InstitutionType.Normalize(fields[SubmissionFields.InstitutionType], errors);
        var position = Clean(SubmissionFields.Position, fields, MaxPositionLength, required: false);
        var checkInAt = ParseInstant(SubmissionFields.CheckInAt, fields[SubmissionFields.CheckInAt], errors);
        var submissionId = OptionalId(SubmissionFields.SubmissionId, fields, errors);
        var source = Clean(SubmissionFields.Source, fields, MaxSourceLength, required: false);

        // These go to the analytics files (full_name only with Export:IncludeNames), which never carry contact details.
        ContactDetailsInText.Refuse(SubmissionFields.FullName, fullName, errors);
        ContactDetailsInText.Refuse(SubmissionFields.Institution, institution, errors);
        ContactDetailsInText.Refuse(SubmissionFields.Position, position, errors);
        ContactDetailsInText.Refuse(SubmissionFields.Source, source, errors);

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new AttendanceSubmission
        {
            EventId = eventId!,
            SessionDate = sessionDate!.Value,
            FullName = fullName!,
            Province = province!,
            Regency = regency!,
            Email = email,
            Phone = phone,
            Gender = gender,
            Institution = institution,
            InstitutionType = institutionType,
            Position = position,
            CheckInAt = checkInAt,
            SubmissionId = submissionId,
            Source = source,
        };

        string? Clean(string field, SubmissionFields input, int max, bool required) =>
            input.Errors.Has(field) ? null : TextRules.Clean(field, input[field], max, required, input.Errors);
    }

    /// <summary>Whether the text holds a letter of any script (after compatibility folding, so 𝐀 counts).</summary>
    public static bool HasLetter(string text) =>
        text.Normalize(System.Text.NormalizationForm.FormKC).EnumerateRunes().Any(System.Text.Rune.IsLetter);

    /// <summary>The province and regency the fields name (codes or names, as people type them); errors name the field.</summary>
    public (Region? Province, Region? Regency) ResolveRegions(SubmissionFields fields, FieldErrors errors)
    {
        var provinceText = errors.Has(SubmissionFields.Province) ? null : TextRules.Clean(SubmissionFields.Province, fields[SubmissionFields.Province], 100, required: true, errors);
        var regencyText = errors.Has(SubmissionFields.Regency) ? null : TextRules.Clean(SubmissionFields.Regency, fields[SubmissionFields.Regency], 100, required: true, errors);
        if (provinceText is null)
        {
            return (null, null);
        }

        var province = regions.ResolveProvince(provinceText);
        if (province.Region is null)
        {
            errors.Add(SubmissionFields.Province, province.Message);
            return (null, null);
        }

        if (regencyText is null)
        {
            return (province.Region, null);
        }

        var regency = regions.ResolveRegency(regencyText, province.Region);
        if (regency.Region is null)
        {
            errors.Add(SubmissionFields.Regency, regency.Message);
        }

        return (province.Region, regency.Region);
    }

    private static string? RequiredId(string field, SubmissionFields fields, FieldErrors errors)
    {
        if (errors.Has(field))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(fields[field]))
        {
            errors.Add(field, "is required.");
            return null;
        }

        return OptionalId(field, fields, errors);
    }

    private static string? OptionalId(string field, SubmissionFields fields, FieldErrors errors)
    {
        var value = fields[field]?.Trim();
        if (errors.Has(field) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Identifiers.IsValid(value))
        {
            errors.Add(field, Identifiers.Rule);
            return null;
        }

        return value;
    }

    /// <summary>A calendar date written yyyy-MM-dd; impossible dates (2023-02-30) are refused.</summary>
    public static DateOnly? ParseDate(string field, string? value, FieldErrors errors, bool required = true)
    {
        if (errors.Has(field))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2000 || date.Year > 2100)
        {
            errors.Add(field, "must be a date written yyyy-MM-dd (e.g. 2023-06-05), between 2000 and 2100.");
            return null;
        }

        return date;
    }

    private static DateTimeOffset? ParseInstant(string field, string? value, FieldErrors errors)
    {
        if (errors.Has(field) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!InstantShape().IsMatch(value.Trim())
            || !DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || instant.Year < 2000 || instant.Year > 2100)
        {
            errors.Add(field, "must be an ISO-8601 time with its offset (e.g. 2023-06-05T08:15:00+07:00 or 2023-06-05T01:15:00Z).");
            return null;
        }

        return instant.ToUniversalTime();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantShape();
}
