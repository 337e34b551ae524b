namespace Attendance.Core.Tests.Regions;

public class EditDistanceTests
{
    [Theory]
    [InlineData("pesawaran", "pesawaran", 0)]
    [InlineData("pesawran", "pesawaran", 1)]
    [InlineData("lampnug", "lampung", 1)]
    [InlineData("metro", "mteor", 2)]
    [InlineData("", "solok", 5)]
    [InlineData("solok", "", 5)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_inserted_deleted_changed_and_swapped_letters(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
