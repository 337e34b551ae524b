using System.Globalization;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// What a reader without checkpoint support sees: every commit from 0 replayed in order, checkpoints ignored. The
/// checkpoint tests compare it with <see cref="DeltaTable.LoadAsync"/> to show a checkpoint equals the JSON log it
/// stands for; the product never needs it, since it always loads from the newest checkpoint.
/// </summary>
internal static class DeltaCommitReplay
{
    public static async Task<DeltaSnapshot> LoadAsync(BlobContainerClient container, DeltaTable table, CancellationToken cancellationToken)
    {
        var versions = new List<long>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = table.LogPrefix }, cancellationToken))
        {
            // A commit is the 20-digit version and ".json"; checkpoints, _last_checkpoint and temporary files are not.
            var name = blob.Name[table.LogPrefix.Length..];
            if (name.Length == 25 && name.EndsWith(".json", StringComparison.Ordinal)
                && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        var snapshot = DeltaSnapshot.Empty;
        foreach (var version in versions.Order())
        {
            var commit = await container.DownloadIfExistsAsync(table.LogPrefix + DeltaTable.CommitName(version), cancellationToken)
                ?? throw new InvalidDataException($"Delta commit {version} of {table.Path} vanished while the log was read.");
            snapshot.Apply(version, DeltaTable.ParseCommit(commit.ToMemory().Span));
        }

        return snapshot;
    }
}
