using System.Globalization;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Corrections;

/// <summary>
/// What a correction may change and how it meets the stored values: the person's own fields. The event, the day,
/// the check-in time, the client's id and the channel are facts of the sign-in, not of the person: a sign-in on the
/// wrong day is voided and made again.
/// </summary>
public static class CorrectableFields
{
    public static IReadOnlyList<string> All { get; } =
    [
        SubmissionFields.FullName, SubmissionFields.Institution, SubmissionFields.InstitutionType, SubmissionFields.Position,
        SubmissionFields.Province, SubmissionFields.Regency, SubmissionFields.Gender, SubmissionFields.Email, SubmissionFields.Phone,
    ];

    private static readonly HashSet<string> Correctable = new(All, StringComparer.Ordinal);

    public const string NotCorrectable =
        "cannot be corrected: it records the sign-in itself. Void this attendance and let the person sign in again.";

    public static string Rule { get; } = $"is not a field of an attendance. Fields that can be corrected: {string.Join(", ", All)}; and reason.";

    public static bool IsCorrectable(string field) => Correctable.Contains(field);

    /// <summary>
    /// The stored attendance as submission fields with <paramref name="patch"/> laid over it (a null value clears an
    /// optional field), ready for the same validation a new submission gets. A regency given as a code without a
    /// province brings its own province.
    /// </summary>
    public static SubmissionFields Merge(AttendanceSubmission stored, IReadOnlyDictionary<string, string?> patch, RegionDirectory regions)
    {
        var fields = new SubmissionFields();
        Put(SubmissionFields.EventId, stored.EventId);
        Put(SubmissionFields.SessionDate, stored.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(SubmissionFields.FullName, stored.FullName);
        Put(SubmissionFields.Province, stored.Province.Code);
        Put(SubmissionFields.Regency, stored.Regency.Code);
        Put(SubmissionFields.Email, stored.Email);
        Put(SubmissionFields.Phone, stored.Phone);
        Put(SubmissionFields.Gender, stored.Gender);
        Put(SubmissionFields.Institution, stored.Institution);
        Put(SubmissionFields.InstitutionType, stored.InstitutionType);
        Put(SubmissionFields.Position, stored.Position);
        Put(SubmissionFields.CheckInAt, stored.CheckInAt?.ToString("O", CultureInfo.InvariantCulture));
        Put(SubmissionFields.SubmissionId, stored.SubmissionId);
        Put(SubmissionFields.Source, stored.Source);

        foreach (var (field, value) in patch)
        {
            // Cleared: the validation treats an empty optional field as absent and refuses an empty required one.
            fields.Set(field, value ?? string.Empty);
        }

        if (patch.TryGetValue(SubmissionFields.Regency, out var regency) && !patch.ContainsKey(SubmissionFields.Province)
            && ProvinceOf(regency, regions) is { } province)
        {
            Put(SubmissionFields.Province, province);
        }

        return fields;

        void Put(string field, string? value)
        {
            if (value is not null)
            {
                fields.Set(field, value);
            }
        }
    }

    /// <summary>The province code of a regency given by its official code (e.g. 18 for 18.09); null for anything else.</summary>
    public static string? ProvinceOf(string? regency, RegionDirectory regions) =>
        regency is not null && regions.TryGet(regency.Trim(), out var region) ? region.ParentCode : null;

    /// <summary>The correctable fields whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static IReadOnlyList<string> Differences(AttendanceSubmission before, AttendanceSubmission after) =>
    [
        .. Differs(SubmissionFields.FullName, before.FullName, after.FullName),
        .. Differs(SubmissionFields.Institution, before.Institution, after.Institution),
        .. Differs(SubmissionFields.InstitutionType, before.InstitutionType, after.InstitutionType),
        .. Differs(SubmissionFields.Position, before.Position, after.Position),
        .. Differs(SubmissionFields.Province, before.Province.Code, after.Province.Code),
        .. Differs(SubmissionFields.Regency, before.Regency.Code, after.Regency.Code),
        .. Differs(SubmissionFields.Gender, before.Gender, after.Gender),
        .. Differs(SubmissionFields.Email, before.Email, after.Email),
        .. Differs(SubmissionFields.Phone, before.Phone, after.Phone),
    ];

    private static IEnumerable<string> Differs(string field, string? before, string? after) =>
        string.Equals(before, after, StringComparison.Ordinal) ? [] : [field];
}
