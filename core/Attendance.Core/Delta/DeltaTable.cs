using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attendance.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Delta;

/// <summary>
/// A Delta Lake table (protocol reader 1 / writer 2) in a blob container folder. A commit is created only if absent
/// (<c>If-None-Match: *</c>), so of two writers racing for the same version exactly one wins and the other must
/// re-read and try again. The table loads from its newest classic checkpoint plus the commits after it
/// (see <see cref="DeltaTable.WriteCheckpointAsync"/>), or from version 0 when it has none.
/// </summary>
/// <param name="container">The container holding the table.</param>
/// <param name="path">The table's folder.</param>
/// <param name="time">
/// The clock whose time is recorded in each commit's and checkpoint's blob metadata, and against which the log is
/// aged for clean-up; the system clock unless given.
/// </param>
public sealed class DeltaTable(BlobContainerClient container, string path, TimeProvider? time = null)
{
    /// <summary>Blob metadata key holding when the product wrote a log file (Unix milliseconds of its clock).</summary>
    public const string WrittenAtMetadata = "writtenat";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>The table's folder in the container, e.g. <c>attendance</c>.</summary>
    public string Path { get; } = path.TrimEnd('/');

    public string LogPrefix => $"{Path}/_delta_log/";

    /// <summary>The blob name of <c>_delta_log/_last_checkpoint</c>.</summary>
    public string LastCheckpointBlobName => LogPrefix + "_last_checkpoint";

    /// <summary>The blob name of a data file of this table.</summary>
    public string FileBlobName(string relativePath) => $"{Path}/{relativePath}";

    /// <summary>
    /// Loads the table's latest version: the newest checkpoint found by listing the log, then each later commit in
    /// order (they must be contiguous); with no checkpoint, every commit from 0. An absent table gives
    /// <see cref="DeltaSnapshot.Empty"/>. One listing of the log, which clean-up keeps short.
    /// </summary>
    public async Task<DeltaSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var log = await ListLogAsync(cancellationToken);
        var commits = log.Where(f => !f.IsCheckpoint).Select(f => f.Version).Order().ToList();
        var checkpoint = log.Where(f => f.IsCheckpoint && commits.Contains(f.Version)).Select(f => f.Version).DefaultIfEmpty(-1).Max();
        var snapshot = checkpoint >= 0 ? await ReadCheckpointAsync(checkpoint, cancellationToken) : DeltaSnapshot.Empty;
        foreach (var version in commits.Where(v => v > checkpoint))
        {
            snapshot.Apply(version, await ReadCommitAsync(version, cancellationToken));
        }

        snapshot.LogFiles = log;
        return snapshot;
    }

    /// <summary>
    /// Writes commit <paramref name="version"/> if nobody has; false when another writer created it first.
    /// The actions must be unique to this attempt (the export's commitInfo carries its run id and time): when
    /// the pipeline retries a create whose response was lost, the retry finds the blob and gets 409, and only
    /// the blob's content tells whether that earlier attempt was ours.
    /// </summary>
    public async Task<bool> TryCommitAsync(long version, IReadOnlyList<DeltaAction> actions, CancellationToken cancellationToken = default)
    {
        var body = new StringBuilder();
        foreach (var action in actions)
        {
            body.Append(JsonSerializer.Serialize(action, Json)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        var name = LogPrefix + CommitName(version);
        if (await container.TryCreateAsync(name, BinaryData.FromBytes(bytes), "application/json", WrittenNow(), cancellationToken))
        {
            return true;
        }

        var existing = await container.DownloadIfExistsAsync(name, cancellationToken);
        return existing is not null && existing.ToMemory().Span.SequenceEqual(bytes);
    }

    /// <summary>
    /// Writes the classic checkpoint of <paramref name="snapshot"/>'s version, with the remove tombstones deleted
    /// after <paramref name="tombstonesAfter"/> (Unix ms), then moves <c>_last_checkpoint</c> to it. The file is
    /// staged in blocks and created only if absent, so a crash never leaves half a checkpoint and a checkpoint is
    /// never overwritten in place (a reader may be reading it); when another writer made this version's checkpoint
    /// first, theirs stands and <c>_last_checkpoint</c> is left to <see cref="RepairLastCheckpointAsync"/>.
    /// Returns the checkpoint's size in bytes, 0 when it was already there.
    /// </summary>
    public async Task<long> WriteCheckpointAsync(DeltaSnapshot snapshot, long tombstonesAfter, CancellationToken cancellationToken = default)
    {
        var rows = DeltaCheckpoint.ToRows(snapshot, tombstonesAfter);
        long size;
        await using (var blob = container.OpenStagedWrite(LogPrefix + CheckpointName(snapshot.Version), "application/vnd.apache.parquet"))
        {
            using (var file = new MemoryStream())
            {
                await DeltaCheckpoint.WriteAsync(rows, file, cancellationToken);
                await Export.ParquetFooter.CorrectAsync(file.GetBuffer().AsMemory(0, (int)file.Length), blob, cancellationToken);
            }

            blob.Metadata = WrittenNow();
            try
            {
                await blob.CommitAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (StagedBlobStream.IsAlreadyThere(ex))
            {
                snapshot.CheckpointVersion = snapshot.Version;
                return 0;
            }

            size = blob.Length;
        }

        snapshot.CheckpointVersion = snapshot.Version;
        await AdvanceLastCheckpointAsync(new LastCheckpoint(snapshot.Version, rows.Count, size, snapshot.Files.Count), cancellationToken);
        return size;
    }

    /// <summary>
    /// Makes <c>_last_checkpoint</c> name the newest checkpoint this snapshot knows (<see cref="DeltaSnapshot.CheckpointVersion"/>)
    /// when it is absent or names an older one, as a run that crashed between its checkpoint and <c>_last_checkpoint</c>
    /// leaves it; it never moves backwards. Returns the version <c>_last_checkpoint</c> names afterwards, -1 if none:
    /// clean-up keeps that checkpoint and everything after it.
    /// </summary>
    public async Task<long> RepairLastCheckpointAsync(DeltaSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var named = (await ReadLastCheckpointAsync(cancellationToken))?.Version ?? -1;
        if (snapshot.CheckpointVersion <= named)
        {
            return named;
        }

        var content = await container.DownloadIfExistsAsync(LogPrefix + CheckpointName(snapshot.CheckpointVersion), cancellationToken);
        if (content is null)
        {
            return named;
        }

        using var stream = content.ToStream();
        var rows = await DeltaCheckpoint.ReadAsync(stream, cancellationToken);
        var adds = rows.Count(r => r.Add is not null);
        await AdvanceLastCheckpointAsync(new LastCheckpoint(snapshot.CheckpointVersion, rows.Count, content.ToMemory().Length, adds), cancellationToken);
        return Math.Max(named, (await ReadLastCheckpointAsync(cancellationToken))?.Version ?? -1);
    }

    /// <summary>
    /// Deletes log files as PROTOCOL.md "Metadata Cleanup" allows: find the newest commit written before
    /// now - <paramref name="retention"/>, then the newest checkpoint at or before it, and delete every commit and
    /// checkpoint older than that checkpoint. The newest checkpoint, the one <c>_last_checkpoint</c> names
    /// (<paramref name="lastCheckpointVersion"/>), their commits and anything after are never deleted, so a reader
    /// starting from <c>_last_checkpoint</c> finds everything it needs, and the table keeps every version younger
    /// than the retention readable. Works on the listing the snapshot was loaded with; returns the number of blobs deleted.
    /// </summary>
    public async Task<int> CleanUpLogAsync(DeltaSnapshot snapshot, TimeSpan retention, long lastCheckpointVersion, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - retention;
        var log = snapshot.LogFiles;
        var cutoffCommit = log.Where(f => !f.IsCheckpoint && f.WrittenAt <= cutoff).Select(f => f.Version).DefaultIfEmpty(-1).Max();
        var keepFrom = log.Where(f => f.IsCheckpoint && f.Version <= cutoffCommit && f.Version <= snapshot.CheckpointVersion && f.Version <= lastCheckpointVersion)
            .Select(f => f.Version).DefaultIfEmpty(-1).Max();
        var deleted = 0;
        foreach (var file in log.Where(f => f.Version < keepFrom))
        {
            await container.DeleteBlobIfExistsAsync(file.BlobName, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>Reads <c>_last_checkpoint</c>; null when absent.</summary>
    public async Task<LastCheckpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var content = await container.DownloadIfExistsAsync(LastCheckpointBlobName, cancellationToken);
        return content is null ? null : JsonSerializer.Deserialize<LastCheckpoint>(content.ToMemory().Span, Json);
    }

    public static string CommitName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    public static string CheckpointName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".checkpoint.parquet";

    public static IEnumerable<DeltaAction> ParseCommit(ReadOnlySpan<byte> content)
    {
        var actions = new List<DeltaAction>();
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            actions.Add(JsonSerializer.Deserialize<DeltaAction>(line, Json) ?? throw new InvalidDataException("Empty Delta action."));
        }

        return actions;
    }

    /// <summary>The Spark struct JSON that Delta's <c>schemaString</c> holds.</summary>
    public static string SchemaString(IEnumerable<DeltaColumn> columns) => JsonSerializer.Serialize(new
    {
        type = "struct",
        fields = columns.Select(c => new { name = c.Name, type = c.Type, nullable = c.Nullable, metadata = new Dictionary<string, string>() }),
    });

    private Dictionary<string, string> WrittenNow() => new()
    {
        [WrittenAtMetadata] = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    private async Task<List<DeltaLogFile>> ListLogAsync(CancellationToken cancellationToken)
    {
        var files = new List<DeltaLogFile>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = LogPrefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            var name = blob.Name[LogPrefix.Length..];
            var isCommit = name.Length == 25 && name.EndsWith(".json", StringComparison.Ordinal);
            var isCheckpoint = name.Length == 39 && name.EndsWith(".checkpoint.parquet", StringComparison.Ordinal);
            if ((isCommit || isCheckpoint) && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                var writtenAt = blob.Metadata is { } metadata && metadata.TryGetValue(WrittenAtMetadata, out var ms)
                    && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs)
                    : blob.Properties.LastModified ?? DateTimeOffset.MaxValue;
                files.Add(new DeltaLogFile(blob.Name, version, isCheckpoint, writtenAt));
            }
        }

        return files;
    }

    private async Task<IEnumerable<DeltaAction>> ReadCommitAsync(long version, CancellationToken cancellationToken)
    {
        var commit = await container.DownloadIfExistsAsync(LogPrefix + CommitName(version), cancellationToken)
            ?? throw new InvalidDataException($"Delta commit {version} of {Path} vanished while the log was read.");
        return ParseCommit(commit.ToMemory().Span);
    }

    private async Task<DeltaSnapshot> ReadCheckpointAsync(long version, CancellationToken cancellationToken)
    {
        var content = await container.DownloadIfExistsAsync(LogPrefix + CheckpointName(version), cancellationToken)
            ?? throw new InvalidDataException($"Delta checkpoint {version} of {Path} vanished while the log was read.");
        using var stream = content.ToStream();
        return DeltaSnapshot.FromCheckpoint(version, DeltaCheckpoint.ToActions(await DeltaCheckpoint.ReadAsync(stream, cancellationToken)));
    }

    /// <summary>
    /// Replaces <c>_last_checkpoint</c> only when it points at an older version, under the ETag just read (or
    /// only-if-absent), so two writers cannot move it backwards; a lost race re-reads and decides again.
    /// </summary>
    private async Task AdvanceLastCheckpointAsync(LastCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(LastCheckpointBlobName);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            ETag? etag = null;
            try
            {
                var current = await blob.DownloadContentAsync(cancellationToken);
                if (JsonSerializer.Deserialize<LastCheckpoint>(current.Value.Content.ToMemory().Span, Json) is { } existing && existing.Version >= checkpoint.Version)
                {
                    return;
                }

                etag = current.Value.Details.ETag;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }

            try
            {
                await blob.UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(checkpoint, Json)), new BlobUploadOptions
                {
                    Conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                }, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
            }
        }
    }
}
