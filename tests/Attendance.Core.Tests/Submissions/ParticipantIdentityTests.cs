namespace Attendance.Core.Tests.Submissions;

/// <summary>
/// Without an email or a phone, a name within a regency decides who attended: two writings of one name are one
/// participant (one attendance a day, one line on the recap), and two names are two. Each rule of the normalization
/// (<see cref="ParticipantIdentity.NormalizeName"/>) is held by more than one case, through the identity itself.
/// </summary>
public sealed class ParticipantIdentityTests
{
    private const string Pesawaran = "18.09";

    public static TheoryData<string, string, string> SameName => new()
    {
        // first writing, second writing, the rule that makes them one
        { "Siti Nurhaliza", "SITI NURHALIZA", "case" },
        { "Siti Nurhaliza", "siti nurhaliza", "case" },
        { "Ni Luh Putu Ayu Dewi", "NI LUH putu AYU dewi", "case" },
        { "Siti Nurhaliza", "Siti  Nurhaliza", "repeated spaces" },
        { "Siti Nurhaliza", "  Siti Nurhaliza  ", "surrounding spaces" },
        { "Siti Nurhaliza", "Siti\tNurhaliza", "any white space" },
        { "Siti Nurhaliza", "Siti\u00A0Nurhaliza", "a no-break space" },
        { "José Ramos", "Jose Ramos", "an accent (precomposed é)" },
        { "Jose\u0301 Ramos", "Jose Ramos", "an accent (e and a combining acute)" },
        { "Ñoman Ëka", "Noman Eka", "a tilde and a diaeresis" },
        { "Siti Nur'aini", "Siti Nuraini", "an apostrophe" },
        { "Siti Nur’aini", "Siti Nuraini", "a typographic apostrophe" },
        { "Ahmad-Fauzi", "Ahmad Fauzi", "a hyphen is a space" },
        { "Ahmad - Fauzi", "Ahmad Fauzi", "a spaced hyphen is one space" },
        { "M.Yusuf", "M Yusuf", "a dot is a space" },
        { "Dra. Ratna Dewi", "Dra Ratna Dewi", "a dot after a title" },
        { "Fauzi,S.Pd", "Fauzi S Pd", "a comma is a space" },
        { "Ratna Dewi, S.Sos.", "Ratna Dewi S Sos", "a comma and dots, trailing" },
        { "𝐒𝐢𝐭𝐢 Nurhaliza", "Siti Nurhaliza", "mathematical bold letters (NFKC)" },
        { "Ｓｉｔｉ Nurhaliza", "Siti Nurhaliza", "full-width letters (NFKC)" },
        { "Siti (Nurhaliza)", "Siti Nurhaliza", "brackets are dropped" },
    };

    public static TheoryData<string, string, string> OtherName => new()
    {
        // first, second, why they are two people
        { "Siti Nurhaliza", "Siti Nurhalisa", "one letter" },
        { "Siti Nurhaliza", "Siti", "a name is not its first part" },
        { "Siti Nurhaliza", "Siti Nur Haliza", "a space splits a word" },
        { "Ahmad-Fauzi", "AhmadFauzi", "a hyphen is a space, not nothing" },
        { "M.Yusuf", "MYusuf", "a dot is a space, not nothing" },
        { "Fauzi,Ahmad", "FauziAhmad", "a comma is a space, not nothing" },
        { "Siti Nur'aini", "Siti Nur aini", "an apostrophe is nothing, not a space" },
        { "Budi Santoso 2", "Budi Santoso", "a digit counts" },
        { "Budi Santoso", "Santoso Budi", "the order counts" },
        { "ꦱꦶꦠꦶ", "\uA9A7\uA9B8\uA9A2\uA9B6", "letters of other scripts count (Javanese sa-ta, ba-da)" },
    };

    [Theory]
    [MemberData(nameof(SameName))]
    public void Two_writings_of_one_name_in_one_regency_are_one_participant(string first, string second, string rule)
    {
        var a = ByName(first);
        var b = ByName(second);

        Assert.True(a == b, $"{rule}: \"{a.Value}\" and \"{b.Value}\"");
        Assert.Equal(a.StorageKey, b.StorageKey);
        Assert.Equal(a.PseudonymKey(Secret), b.PseudonymKey(Secret));
    }

    [Theory]
    [MemberData(nameof(OtherName))]
    public void Two_names_are_two_participants(string first, string second, string why)
    {
        var a = ByName(first);
        var b = ByName(second);

        Assert.True(a != b, $"{why}: both are \"{a.Value}\"");
        Assert.NotEqual(a.StorageKey, b.StorageKey);
    }

    [Theory]
    [InlineData("Siti Nurhaliza", "siti nurhaliza")]
    [InlineData("  SITI  Nur'aini ", "siti nuraini")]
    [InlineData("Dra. Ratna-Dewi, S.Sos.", "dra ratna dewi s sos")]
    [InlineData("José Ñoman", "jose noman")]
    [InlineData("𝐒𝐢𝐭𝐢 Ｎｕｒ", "siti nur")]
    public void A_name_is_kept_as_lower_case_letters_and_digits_between_single_spaces(string typed, string normalized)
    {
        Assert.Equal(normalized, ParticipantIdentity.NormalizeName(typed));
        Assert.Equal($"name:{normalized}@{Pesawaran}", ByName(typed).Value);
    }

    [Fact]
    public void One_name_in_two_regencies_is_two_participants()
    {
        Assert.NotEqual(ByName("Siti Nurhaliza"), ParticipantIdentity.From(null, null, "Siti Nurhaliza", "18.71"));
        Assert.NotEqual(ByName("Siti Nurhaliza").StorageKey, ParticipantIdentity.From(null, null, "SITI NURHALIZA", "18.71").StorageKey);
    }

    [Fact]
    public void An_email_or_a_phone_decides_before_the_name()
    {
        Assert.Equal(
            ParticipantIdentity.From("siti@perpus.id", null, "Siti Nurhaliza", Pesawaran),
            ParticipantIdentity.From("siti@perpus.id", "6281234567890", "Siti N.", "18.71"));
        Assert.Equal(
            ParticipantIdentity.From(null, "6281234567890", "Siti Nurhaliza", Pesawaran),
            ParticipantIdentity.From(null, "6281234567890", "Nurhaliza", "18.71"));
        Assert.NotEqual(ByName("Siti Nurhaliza"), ParticipantIdentity.From(null, "6281234567890", "Siti Nurhaliza", Pesawaran));
    }

    private static readonly byte[] Secret = "secret-one-000000000000000000000"u8.ToArray();

    private static ParticipantIdentity ByName(string fullName) => ParticipantIdentity.From(null, null, fullName, Pesawaran);
}
