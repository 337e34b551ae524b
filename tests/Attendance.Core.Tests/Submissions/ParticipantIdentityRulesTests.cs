namespace Attendance.Core.Tests.Submissions;

/// <summary>Who a participant is across sign-ins, and the pseudonym that stands for them in the export (<see cref="ParticipantIdentity"/>).</summary>
public sealed class ParticipantIdentityRulesTests
{
    [Fact]
    public void A_participant_is_known_by_email_then_phone_then_name_in_regency()
    {
        Assert.Equal("email:a@b.id", ParticipantIdentity.From("a@b.id", "6281", "Budi", "18.71").Value);
        Assert.Equal("phone:6281", ParticipantIdentity.From(null, "6281", "Budi", "18.71").Value);
        Assert.Equal("name:budi santoso@18.71", ParticipantIdentity.From(null, null, "BUDI  Santoso", "18.71").Value);
    }

    [Theory]
    [InlineData("Siti Nur'aini", "SITI NURAINI")]
    [InlineData("Dra. Ratna Dewi", "dra ratna dewi")]
    [InlineData("José Ramos", "jose ramos")]
    public void Names_typed_differently_are_one_name(string a, string b) =>
        Assert.Equal(ParticipantIdentity.NormalizeName(a), ParticipantIdentity.NormalizeName(b));

    [Fact]
    public void The_pseudonym_depends_on_the_secret_and_hides_the_identity()
    {
        var identity = ParticipantIdentity.From("siti@perpusnas.go.id", null, "Siti", "18.71");
        var one = identity.PseudonymKey("secret-one-000000000000000000000"u8.ToArray());
        var two = identity.PseudonymKey("secret-two-000000000000000000000"u8.ToArray());
        Assert.Equal(64, one.Length);
        Assert.NotEqual(one, two);
        Assert.Equal(one, identity.PseudonymKey("secret-one-000000000000000000000"u8.ToArray()));
        Assert.DoesNotContain("siti", one, StringComparison.Ordinal);
    }
}
