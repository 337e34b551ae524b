namespace Attendance.Core.Tests.Submissions;

/// <summary>Ids that become storage keys are restricted to what Table storage keys and URLs carry safely (<see cref="Identifiers"/>).</summary>
public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("bimtek-lampung-2023", true)]
    [InlineData("uuid:6f1c2a9e-1b2c-4d3e-8f90-123456789abc", true)]
    [InlineData("x' or PartitionKey ne '", false)]
    [InlineData("a/b", false)]
    [InlineData("a#b", false)]
    [InlineData("a?b", false)]
    [InlineData("a\\b", false)]
    [InlineData("-starts-with-dash", false)]
    [InlineData("", false)]
    public void Ids_that_become_storage_keys_are_restricted(string id, bool valid) =>
        Assert.Equal(valid, Identifiers.IsValid(id));
}
