using System.Text.Json;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Events;

/// <summary>
/// The body of <c>PUT /api/events/{eventId}</c>: what an organizer registers or updates. <see cref="PrivacyContact"/>
/// is whom participants contact about their data (the form's privacy notice); without it the setting
/// <c>Privacy:Contact</c> is named.
/// </summary>
public sealed record EventRegistration(
    string Name, DateOnly StartDate, DateOnly EndDate, string? Venue, Region? Province, Region? Regency, string? Program,
    string? PrivacyContact = null)
{
    /// <summary>The longest event accepted, in days: trainings run 4-5 days; a month leaves room for long programmes.</summary>
    public const int MaxDays = 31;

    private static readonly string[] Known = ["name", "startDate", "endDate", "venue", "province", "regency", "program", "privacyContact"];

    /// <summary>The registration, or null with field errors.</summary>
    public static EventRegistration? Parse(JsonElement body, RegionDirectory regions, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object with the event's fields.");
            return null;
        }

        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!Known.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(property.Name, $"must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.");
                continue;
            }

            text[property.Name] = property.Value.GetString()!;
        }

        string? Clean(string field, int max, bool required) =>
            errors.Has(field) ? null : TextRules.Clean(field, text.GetValueOrDefault(field), max, required, errors);

        var name = Clean("name", 200, required: true);
        var start = SubmissionValidator.ParseDate("startDate", text.GetValueOrDefault("startDate"), errors);
        var end = SubmissionValidator.ParseDate("endDate", text.GetValueOrDefault("endDate"), errors);
        var venue = Clean("venue", 200, required: false);
        var program = Clean("program", 100, required: false);
        var privacyContact = Clean("privacyContact", Privacy.PrivacyOptionsValidator.MaxContactLength, required: false);
        var provinceText = Clean("province", 100, required: false);
        var regencyText = Clean("regency", 100, required: false);

        if (start is not null && end is not null)
        {
            if (end < start)
            {
                errors.Add("endDate", "must not be before startDate.");
            }
            else if (end.Value.DayNumber - start.Value.DayNumber + 1 > MaxDays)
            {
                errors.Add("endDate", $"must be at most {MaxDays} days after startDate.");
            }
        }

        Region? province = null, regency = null;
        if (provinceText is not null)
        {
            var match = regions.ResolveProvince(provinceText);
            province = match.Region;
            if (province is null)
            {
                errors.Add("province", match.Message);
            }
        }

        if (regencyText is not null)
        {
            if (province is null && !errors.Has("province"))
            {
                errors.Add("regency", "needs the province as well.");
            }
            else if (province is not null)
            {
                var match = regions.ResolveRegency(regencyText, province);
                regency = match.Region;
                if (regency is null)
                {
                    errors.Add("regency", match.Message);
                }
            }
        }

        return errors.IsEmpty ? new EventRegistration(name!, start!.Value, end!.Value, venue, province, regency, program, privacyContact) : null;
    }
}
