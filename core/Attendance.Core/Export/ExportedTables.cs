using System.Runtime.CompilerServices;
using Attendance.Delta;
using Attendance.Storage;
using Azure;
using Azure.Storage.Blobs;

namespace Attendance.Export;

/// <summary>
/// The analytics tables as the export left them, for the admin commands that work on all three (<c>clean-up</c>,
/// <c>lake download</c>): each table that exists with its latest snapshot, in the order an export writes them.
/// </summary>
public static class ExportedTables
{
    /// <summary>The tables' folders in the export container, in the order an export writes them.</summary>
    public static IReadOnlyList<string> Paths { get; } = [AnalyticsTables.AttendancePath, AnalyticsTables.EventsPath, AnalyticsTables.RegionsPath];

    /// <summary>Each table with a committed version; none when the export container does not exist (nothing was ever exported).</summary>
    public static async IAsyncEnumerable<(DeltaTable Table, DeltaSnapshot Snapshot)> LoadAsync(
        BlobContainerClient container, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Paths)
        {
            var table = new DeltaTable(container, path, time);
            DeltaSnapshot snapshot;
            try
            {
                snapshot = await table.LoadAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (CreateOnce.IsMissing(ex))
            {
                yield break;
            }

            if (snapshot.Version >= 0)
            {
                yield return (table, snapshot);
            }
        }
    }
}
