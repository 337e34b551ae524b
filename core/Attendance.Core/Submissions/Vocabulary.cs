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

    /// <summary>
    /// Library types as the product shows them, with the names Indonesian law (UU 43/2007 on libraries: umum,
    /// sekolah/madrasah, perguruan tinggi, khusus) and practice (Perpustakaan Desa/Kelurahan, TBM, Perpusda) give them.
    /// A bare "Perpustakaan Umum" names no level (the law's public libraries are run by provinces, regencies,
    /// cities, villages and communities alike), so it is answered with the choices rather than guessed.
    /// </summary>
    public static Vocabulary InstitutionType { get; } = new(
        "institutionType",
        new("regency_public_library", "Perpustakaan Umum Kabupaten", "Regency public library", "perpustakaan kabupaten", "dinas perpustakaan kabupaten",
            "perpustakaan daerah kabupaten", "perpusda kabupaten", "dinas perpustakaan dan kearsipan kabupaten", "perpustakaan umum daerah kabupaten"),
        new("city_public_library", "Perpustakaan Umum Kota", "City public library", "perpustakaan kota", "dinas perpustakaan kota",
            "perpustakaan daerah kota", "perpusda kota", "dinas perpustakaan dan kearsipan kota", "perpustakaan umum daerah kota"),
        new("provincial_library", "Perpustakaan Provinsi", "Provincial library", "perpustakaan umum provinsi", "dinas perpustakaan provinsi",
            "perpustakaan daerah provinsi", "dinas perpustakaan dan kearsipan provinsi", "provincial public library"),
        new("village_library", "Perpustakaan Desa/Kelurahan", "Village library", "perpustakaan desa", "perpustakaan kelurahan", "perpusdes",
            "perpustakaan umum desa", "perpustakaan umum kelurahan", "village public library"),
        new("school_library", "Perpustakaan Sekolah", "School library", "perpustakaan sekolah/madrasah", "perpustakaan madrasah"),
        new("university_library", "Perpustakaan Perguruan Tinggi", "University library", "perpustakaan kampus", "perpustakaan universitas",
            "academic library"),
        new("community_library", "Taman Bacaan Masyarakat", "Community library", "tbm", "perpustakaan komunitas", "taman baca masyarakat",
            "rumah baca", "perpustakaan masyarakat"),
        new("special_library", "Perpustakaan Khusus", "Special library"),
        new("other", "Lainnya", "Other", "lain-lain", "lain lain"));

    /// <summary>Spellings that name more than one value, with the answer that lists the choices.</summary>
    private static readonly Dictionary<string, string> Ambiguous = new(StringComparer.Ordinal)
    {
        [Fold("perpustakaan umum")] = "'Perpustakaan Umum' does not say which: choose Perpustakaan Umum Kabupaten, Perpustakaan Umum Kota, Perpustakaan Provinsi or Perpustakaan Desa/Kelurahan.",
        [Fold("public library")] = "'Public library' does not say which: choose Regency public library, City public library, Provincial library or Village library.",
    };

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

        errors.Add(Field, Ambiguous.TryGetValue(Fold(text), out var which)
            ? which
            : $"must be one of: {string.Join(", ", Codes)}, or their labels ({string.Join(", ", Terms.Select(t => t.Indonesian))}).");
        return null;
    }

    /// <summary>Case, punctuation, spacing and full-width forms do not matter: "Perpustakaan Desa / Kelurahan", "laki_laki", "T.B.M.".</summary>
    private static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant())
        {
            // Dots join ("T.B.M." is TBM); any other mark separates words.
            if (c != '.')
            {
                folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
