namespace Attendance.Submissions;

/// <summary>
/// A closed list of values for a field (gender, institution type), each accepted under the spellings
/// people use on Indonesian forms and stored under one code so Power BI slicers show one bar per value.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, string> codesBySpelling = new(StringComparer.Ordinal);

    private Vocabulary(string field, IReadOnlyDictionary<string, string[]> spellings)
    {
        Field = field;
        Codes = [.. spellings.Keys];
        foreach (var (code, others) in spellings)
        {
            codesBySpelling[Fold(code)] = code;
            foreach (var spelling in others)
            {
                codesBySpelling[Fold(spelling)] = code;
            }
        }
    }

    public string Field { get; }

    /// <summary>The stored codes, in documentation order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public static Vocabulary Gender { get; } = new("gender", new Dictionary<string, string[]>
    {
        ["female"] = ["f", "p", "perempuan", "wanita", "woman", "w"],
        ["male"] = ["m", "l", "laki-laki", "laki laki", "lakilaki", "pria", "man"],
    });

    public static Vocabulary InstitutionType { get; } = new("institutionType", new Dictionary<string, string[]>
    {
        ["regency_public_library"] = ["regency public library", "perpustakaan umum kabupaten", "perpustakaan kabupaten", "dinas perpustakaan kabupaten"],
        ["city_public_library"] = ["city public library", "perpustakaan umum kota", "perpustakaan kota", "dinas perpustakaan kota"],
        ["provincial_library"] = ["provincial library", "perpustakaan provinsi", "dinas perpustakaan provinsi"],
        ["village_library"] = ["village library", "perpustakaan desa", "perpustakaan kelurahan", "perpusdes"],
        ["school_library"] = ["school library", "perpustakaan sekolah"],
        ["university_library"] = ["university library", "perpustakaan perguruan tinggi", "perpustakaan kampus"],
        ["community_library"] = ["community library", "taman bacaan masyarakat", "tbm", "perpustakaan komunitas"],
        ["special_library"] = ["special library", "perpustakaan khusus"],
        ["other"] = ["lainnya", "lain-lain"],
    });

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
