using Attendance.Delta;

namespace Attendance.Export;

/// <summary>When the export writes a Delta checkpoint (<see cref="TableMaintenance"/>).</summary>
public sealed class TableMaintenanceTests
{
    [Theory]
    [InlineData(9, -1, false)]
    [InlineData(10, -1, true)]
    [InlineData(10, 10, false)]
    [InlineData(15, 10, false)]
    [InlineData(20, 10, true)]
    [InlineData(21, 10, true)]
    [InlineData(22, -1, true)]
    [InlineData(0, -1, false)]
    public void A_checkpoint_is_due_at_each_multiple_of_the_interval_or_when_more_than_an_interval_behind(long version, long checkpoint, bool due)
    {
        var snapshot = DeltaSnapshot.Empty;
        for (var v = 0; v <= version; v++)
        {
            snapshot.Apply(v, []);
        }

        snapshot.CheckpointVersion = checkpoint;
        Assert.Equal(due, TableMaintenance.IsCheckpointDue(snapshot));
    }
}
