namespace Attendance.Submissions;

/// <summary>Validation messages keyed by field name, as RFC 7807 validation problems carry them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>The errors in the shape <c>TypedResults.ValidationProblem</c> takes.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static FieldErrors Single(string field, string message)
    {
        var result = new FieldErrors();
        result.Add(field, message);
        return result;
    }
}
