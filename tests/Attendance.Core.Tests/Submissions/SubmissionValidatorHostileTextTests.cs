using Microsoft.Extensions.Primitives;

namespace Attendance.Core.Tests.Submissions;

/// <summary>
/// Hostile text is no invalid input: a name or an institution made of markup is stored as typed (encoding is the
/// pages' job), so the lists and the browser tests that show stored text meet every <see cref="HostileText.Storable"/>
/// sample, and the invisible characters of <see cref="HostileText.RightToLeft"/> are taken out before storing.
/// </summary>
public sealed class SubmissionValidatorHostileTextTests
{
    public static TheoryData<string> Storable => new(HostileText.Storable);

    [Theory]
    [MemberData(nameof(Storable))]
    public void Hostile_text_is_stored_as_typed(string hostile)
    {
        var stored = Validate(hostile);

        Assert.Equal(hostile, stored.FullName);
        Assert.Equal(hostile, stored.Institution);
    }

    [Fact]
    public void Invisible_characters_are_taken_out_of_a_name_before_it_is_stored()
    {
        Assert.Equal("izahalrun Siti Nurhaliza", Validate(HostileText.RightToLeft).FullName);
    }

    private static AttendanceSubmission Validate(string text)
    {
        var fields = SubmissionFields.FromForm(new Dictionary<string, StringValues>
        {
            [SubmissionFields.EventId] = "bimtek-lampung",
            [SubmissionFields.SessionDate] = "2023-06-06",
            [SubmissionFields.FullName] = text,
            [SubmissionFields.Institution] = text,
            [SubmissionFields.Province] = "Lampung",
            [SubmissionFields.Regency] = "Kabupaten Pesawaran",
        });
        var submission = new SubmissionValidator(RegionDirectory.Official).Validate(fields);
        Assert.True(submission is not null, string.Join("; ", fields.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
        return submission;
    }
}
