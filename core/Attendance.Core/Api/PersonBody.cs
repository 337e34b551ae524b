using System.Text.Json;
using Attendance.Corrections;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Api;

/// <summary>
/// The body that names a person for an erasure or an access request: <c>email</c> and/or <c>phone</c>, or
/// <c>fullName</c> with <c>province</c> and <c>regency</c>. Personal data travels here, never in a URL.
/// </summary>
public static class PersonBody
{
    private static readonly string[] PersonFields =
        [SubmissionFields.Email, SubmissionFields.Phone, SubmissionFields.FullName, SubmissionFields.Province, SubmissionFields.Regency];

    /// <summary>The person the body names, or null with errors naming the fields; any field outside the person's and <paramref name="others"/> is an error.</summary>
    public static PersonQuery? Read(JsonElement root, IReadOnlyList<string> others, SubmissionValidator validator, RegionDirectory regions, FieldErrors errors)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!PersonFields.Contains(property.Name) && !others.Contains(property.Name))
            {
                errors.Add(property.Name, $"is not a field of this request: {string.Join(", ", [.. PersonFields, .. others])}.");
            }
        }

        return PersonQuery.From(
            Text(root, SubmissionFields.Email, errors), Text(root, SubmissionFields.Phone, errors), Text(root, SubmissionFields.FullName, errors),
            Text(root, SubmissionFields.Province, errors), Text(root, SubmissionFields.Regency, errors), validator, regions, errors);
    }

    /// <summary>A string field of the body; null when absent or null, and an error naming it when not a string.</summary>
    public static string? Text(JsonElement root, string name, FieldErrors errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
            return null;
        }

        return value.GetString();
    }
}
