using Parquet;
using Parquet.Serialization;

namespace Attendance.Delta;

/// <summary>
/// Converts a snapshot to and from the rows of a classic single-file (V1) Delta checkpoint: the protocol, the
/// metadata, every txn, an add per live file and the remove tombstones not yet expired (PROTOCOL.md "Checkpoints").
/// commitInfo is never part of a checkpoint.
/// </summary>
internal static class DeltaCheckpoint
{
    public static List<DeltaCheckpointRow> ToRows(DeltaSnapshot snapshot, long tombstonesAfter)
    {
        var rows = new List<DeltaCheckpointRow>();
        if (snapshot.Protocol is { } protocol)
        {
            // readerFeatures/writerFeatures stay null: this is a reader 1 / writer 2 table (PROTOCOL.md "Checkpoint Schema").
            rows.Add(new DeltaCheckpointRow { Protocol = new() { MinReaderVersion = protocol.MinReaderVersion, MinWriterVersion = protocol.MinWriterVersion } });
        }

        if (snapshot.Metadata is { } metadata)
        {
            rows.Add(new DeltaCheckpointRow
            {
                MetaData = new()
                {
                    Id = metadata.Id,
                    Name = metadata.Name,
                    Description = metadata.Description,
                    Format = new() { Provider = metadata.Format.Provider, Options = new(metadata.Format.Options) },
                    SchemaString = metadata.SchemaString,
                    PartitionColumns = [.. metadata.PartitionColumns],
                    Configuration = new(metadata.Configuration),
                    CreatedTime = metadata.CreatedTime,
                },
            });
        }

        foreach (var (appId, version) in snapshot.Transactions.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var lastUpdated = snapshot.TransactionActions.TryGetValue(appId, out var txn) ? txn.LastUpdated : null;
            rows.Add(new DeltaCheckpointRow { Txn = new() { AppId = appId, Version = version, LastUpdated = lastUpdated } });
        }

        // A checkpoint's adds are the state, not a change: dataChange false, as Spark and delta-rs write them.
        foreach (var add in snapshot.Files.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            rows.Add(new DeltaCheckpointRow
            {
                Add = new()
                {
                    Path = add.Path,
                    PartitionValues = new(add.PartitionValues),
                    Size = add.Size,
                    ModificationTime = add.ModificationTime,
                    DataChange = false,
                    Tags = add.Tags is { } tags ? new(tags) : null,
                    Stats = add.Stats,
                },
            });
        }

        // Tombstones past retention are dropped: their files may already be gone, and no reader may still need them.
        // The remove's own path string is kept (like the add's), so a path is never escaped twice.
        foreach (var (path, deletedAt) in snapshot.Tombstones.Where(t => t.Value > tombstonesAfter).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var remove = snapshot.RemoveActions.GetValueOrDefault(path);
            rows.Add(new DeltaCheckpointRow
            {
                Remove = new()
                {
                    Path = remove?.Path ?? Uri.EscapeDataString(path),
                    DeletionTimestamp = deletedAt,
                    DataChange = false,
                    ExtendedFileMetadata = remove?.ExtendedFileMetadata,
                    PartitionValues = remove?.PartitionValues is { } values ? new(values) : null,
                    Size = remove?.Size,
                },
            });
        }

        return rows;
    }

    /// <summary>
    /// The actions of a checkpoint's rows, from the product or from another writer. Every column may be null in
    /// Delta's schema; a field Delta requires of an action (an add's size, a txn's version, ...) is required here too.
    /// </summary>
    public static IEnumerable<DeltaAction> ToActions(IEnumerable<DeltaCheckpointRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Protocol is { } protocol)
            {
                yield return new DeltaAction
                {
                    Protocol = new DeltaProtocol(
                        protocol.MinReaderVersion ?? throw Missing("protocol", "minReaderVersion"),
                        protocol.MinWriterVersion ?? throw Missing("protocol", "minWriterVersion")),
                };
            }
            else if (row.MetaData is { } m)
            {
                yield return new DeltaAction
                {
                    MetaData = new DeltaMetadata(
                        m.Id ?? throw Missing("metaData", "id"),
                        m.Name,
                        new DeltaFormat(m.Format?.Provider ?? "parquet", m.Format?.Options ?? []),
                        m.SchemaString ?? throw Missing("metaData", "schemaString"),
                        m.PartitionColumns ?? [],
                        m.Configuration ?? [],
                        m.CreatedTime)
                    {
                        Description = m.Description,
                    },
                };
            }
            else if (row.Txn is { AppId: { } appId } txn)
            {
                yield return new DeltaAction { Txn = new DeltaTransaction(appId, txn.Version ?? throw Missing("txn", "version"), txn.LastUpdated) };
            }
            else if (row.Add is { Path: { } addPath } add)
            {
                yield return new DeltaAction
                {
                    Add = new DeltaAddFile(
                        addPath,
                        add.PartitionValues ?? [],
                        add.Size ?? throw Missing("add", "size"),
                        add.ModificationTime ?? throw Missing("add", "modificationTime"),
                        add.DataChange ?? false,
                        add.Stats)
                    {
                        Tags = add.Tags,
                    },
                };
            }
            else if (row.Remove is { Path: { } removePath } remove)
            {
                yield return new DeltaAction
                {
                    Remove = new DeltaRemoveFile(removePath, remove.DeletionTimestamp ?? 0, remove.DataChange ?? false)
                    {
                        ExtendedFileMetadata = remove.ExtendedFileMetadata,
                        PartitionValues = remove.PartitionValues,
                        Size = remove.Size,
                    },
                };
            }
        }
    }

    public static async Task WriteAsync(IReadOnlyList<DeltaCheckpointRow> rows, Stream output, CancellationToken cancellationToken = default) =>
        await ParquetSerializer.SerializeAsync(rows, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken);

    public static async Task<IReadOnlyList<DeltaCheckpointRow>> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var result = await ParquetSerializer.DeserializeAsync<DeltaCheckpointRow>(input, cancellationToken: cancellationToken);
        return [.. result.Data];
    }

    private static InvalidDataException Missing(string action, string field) => new($"A checkpoint's {action} has no {field}.");
}
