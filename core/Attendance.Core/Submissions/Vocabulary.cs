namespace Attendance.Submissions;

/// <summary>
/// A closed list of values for a field (gender, institution type), each accepted under the spellings
/// people use on Indonesian forms and stored under one code so Power BI slicers show one bar per value.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, string> codesBySpelling = new(StringComparer.Ordinal);

    private Vocabulary(string field, params VocabularyTerm[] terms)
    {
        Field = field;
        Terms = terms;
        Codes = [.. terms.Select(t => t.Code)];
        foreach (var term in terms)
        {
            // Every label the product shows people is accepted back as typed.
            foreach (var spelling in term.Spellings.Prepend(term.English).Prepend(term.Indonesian).Prepend(term.Code))
            {
                codesBySpelling[Fold(spelling)] = term.Code;
            }
        }
    }

    public string Field { get; }

    /// <summary>The values with the labels people see, in documentation order.</summary>
    public IReadOnlyList<VocabularyTerm> Terms { get; }

    /// <summary>The stored codes, in documentation order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public static Vocabulary Gender { get; } = new(
        "gender",
        new("female", "Perempuan", "Female", "f", "p", "wanita", "woman", "w"),
        new("male", "Laki-laki", "Male", "m", "l", "laki laki", "lakilaki", "pria", "man"));

    public static Vocabulary InstitutionType { get; } = new(
        "institutionType",
        new("regency_public_library", "Perpustakaan Umum Kabupaten", "Regency public library", "perpustakaan kabupaten", "dinas perpustakaan kabupaten"),
        new("city_public_library", "Perpustakaan Umum Kota", "City public library", "perpustakaan kota", "dinas perpustakaan kota"),
        new("provincial_library", "Perpustakaan Provinsi", "Provincial library", "perpustakaan umum provinsi", "dinas perpustakaan provinsi"),
        new("village_library", "Perpustakaan Desa/Kelurahan", "Village library", "perpustakaan desa", "perpustakaan kelurahan", "perpusdes"),
        new("school_library", "Perpustakaan Sekolah", "School library"),
        new("university_library", "Perpustakaan Perguruan Tinggi", "University library", "perpustakaan kampus"),
        new("community_library", "Taman Bacaan Masyarakat", "Community library", "tbm", "perpustakaan komunitas"),
        new("special_library", "Perpustakaan Khusus", "Special library"),
        new("other", "Lainnya", "Other", "lain-lain"));

    /// <summary>The code for <paramref name="value"/>, or null with an error listing the codes.</summary>
    public string? Normalize(string? value, FieldErrors errors)
    {
        var text = TextRules.Clean(Field, value, 100, required: false, errors);
        if (text is null)
        {
            return null;
        }

        if (codesBySpelling.TryGetValue(Fold(text), out var code))
        {
            return code;
        }

        errors.Add(Field, $"must be one of: {string.Join(", ", Codes)}.");
        return null;
    }

    private static string Fold(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
