using Attendance.Delta;

namespace Attendance.Export;

/// <summary>
/// What keeps a table cheap to load after years of nightly commits, run at the end of every table's export:
/// a checkpoint when one is due, then log clean-up (PROTOCOL.md "Checkpoints" and "Metadata Cleanup").
/// </summary>
public static class TableMaintenance
{
    /// <summary>
    /// Whether <paramref name="snapshot"/>'s version should get a checkpoint: it is a multiple of the table's
    /// <c>delta.checkpointInterval</c>, or more than an interval has passed since the last checkpoint (a run that
    /// crashed between its commit and its checkpoint, repaired by the next run).
    /// </summary>
    public static bool IsCheckpointDue(DeltaSnapshot snapshot)
    {
        var interval = DeltaTableProperties.CheckpointIntervalOf(snapshot.Metadata);
        return snapshot.Version > 0 && snapshot.Version > snapshot.CheckpointVersion
            && (snapshot.Version % interval == 0 || snapshot.Version - snapshot.CheckpointVersion > interval);
    }

    /// <summary>
    /// Writes the checkpoint if due, repairs a <c>_last_checkpoint</c> that names an older checkpoint than the log
    /// has, then deletes log files past the table's log retention, never the checkpoint it names.
    /// </summary>
    public static async Task RunAsync(ExportContext context, DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        if (IsCheckpointDue(snapshot))
        {
            var keepTombstonesAfter = (context.UtcNow - context.RemovedFileRetention).ToUnixTimeMilliseconds();
            await table.WriteCheckpointAsync(snapshot, keepTombstonesAfter, cancellationToken);
        }

        var lastCheckpoint = await table.RepairLastCheckpointAsync(snapshot, cancellationToken);
        await table.CleanUpLogAsync(snapshot, DeltaTableProperties.LogRetentionOf(snapshot.Metadata), lastCheckpoint, cancellationToken);
    }
}
