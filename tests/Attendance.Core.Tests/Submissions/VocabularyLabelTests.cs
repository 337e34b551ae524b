namespace Attendance.Core.Tests.Submissions;

/// <summary>
/// Every label the product shows people comes back as typed (a Microsoft Forms choice, a Kobo label, a typed sheet),
/// and so do the names Indonesian law and practice give library types.
/// </summary>
public sealed class VocabularyLabelTests
{
    public static TheoryData<string, string, string> ShownLabels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var vocabulary in new[] { Vocabulary.Gender, Vocabulary.InstitutionType })
        {
            foreach (var term in vocabulary.Terms)
            {
                // Each writing once: the lower-cased English label is the code itself for "female", "male" and
                // "other", and xunit skips a second case with the same data as a duplicate.
                foreach (var label in new[] { term.Code, term.Indonesian, term.English, term.Indonesian.ToUpperInvariant(), term.English.ToLowerInvariant() }.Distinct(StringComparer.Ordinal))
                {
                    data.Add(vocabulary.Field, label, term.Code);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShownLabels))]
    public void Every_label_the_product_shows_is_accepted_back_as_typed(string field, string label, string code)
    {
        var vocabulary = field == Vocabulary.Gender.Field ? Vocabulary.Gender : Vocabulary.InstitutionType;
        var errors = new FieldErrors();
        Assert.Equal(code, vocabulary.Normalize(label, errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Perpustakaan Sekolah/Madrasah", "school_library")]
    [InlineData("perpustakaan madrasah", "school_library")]
    [InlineData("Perpustakaan Perguruan Tinggi", "university_library")]
    [InlineData("Perpustakaan Universitas", "university_library")]
    [InlineData("Perpustakaan Khusus", "special_library")]
    [InlineData("Perpustakaan Desa / Kelurahan", "village_library")]
    [InlineData("Perpustakaan Kelurahan", "village_library")]
    [InlineData("Perpusdes", "village_library")]
    [InlineData("Taman Baca Masyarakat", "community_library")]
    [InlineData("T.B.M.", "community_library")]
    [InlineData("Rumah Baca", "community_library")]
    [InlineData("Perpustakaan Daerah Kabupaten", "regency_public_library")]
    [InlineData("Perpusda Kota", "city_public_library")]
    [InlineData("Dinas Perpustakaan dan Kearsipan Provinsi", "provincial_library")]
    [InlineData("Perpustakaan Umum Desa", "village_library")]
    [InlineData("Ｐｅｒｐｕｓｔａｋａａｎ Ｄｅｓａ", "village_library")]
    [InlineData("laki_laki", "male")]
    [InlineData("Wanita", "female")]
    public void Names_from_law_and_practice_are_accepted(string given, string code)
    {
        var errors = new FieldErrors();
        var vocabulary = code is "male" or "female" ? Vocabulary.Gender : Vocabulary.InstitutionType;
        Assert.Equal(code, vocabulary.Normalize(given, errors));
    }

    [Theory]
    [InlineData("Perpustakaan Umum")]
    [InlineData("perpustakaan  umum")]
    [InlineData("Public library")]
    public void A_public_library_without_its_level_is_answered_with_the_choices(string given)
    {
        var errors = new FieldErrors();
        Assert.Null(Vocabulary.InstitutionType.Normalize(given, errors));
        var message = Assert.Single(errors.ToDictionary()["institutionType"]);
        Assert.Contains("does not say which", message, StringComparison.Ordinal);
    }
}
