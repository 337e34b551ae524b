namespace Attendance.Core.Tests.Submissions;

/// <summary>Vocabulary values are stored as one code, and an unknown one is refused listing the codes (<see cref="Vocabulary"/>).</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("P", "female")]
    [InlineData("Laki-laki", "male")]
    [InlineData("perempuan", "female")]
    [InlineData("MALE", "male")]
    public void Gender_is_stored_as_one_code(string given, string expected) =>
        Assert.Equal(expected, Vocabulary.Gender.Normalize(given, new FieldErrors()));

    [Theory]
    [InlineData("Perpustakaan Desa", "village_library")]
    [InlineData("regency public library", "regency_public_library")]
    [InlineData("city_public_library", "city_public_library")]
    [InlineData("TBM", "community_library")]
    public void Institution_types_are_stored_as_one_code(string given, string expected) =>
        Assert.Equal(expected, Vocabulary.InstitutionType.Normalize(given, new FieldErrors()));

    [Fact]
    public void An_unknown_vocabulary_value_lists_the_codes()
    {
        var errors = new FieldErrors();
        Assert.Null(Vocabulary.Gender.Normalize("x", errors));
        Assert.Equal("must be one of: female, male, or their labels (Perempuan, Laki-laki).", Assert.Single(errors.ToDictionary()["gender"]));
    }
}
