using System.Reflection;
using Attendance.Delta;
using Attendance.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Attendance.Export;

/// <summary>
/// What every exported table shares: the Delta actions around a commit, and removing files
/// that no commit references (left by a run that crashed before committing, or replaced by a later commit).
/// </summary>
public sealed class ExportFiles(BlobContainerClient container, TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// Files no commit references are deleted once older than this. No run takes as long, so a concurrent
    /// run's file that is about to be committed is never taken.
    /// </summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Files removed from a table stay this long (<see cref="ExportOptions.RemovedFileRetention"/>, default 7 days,
    /// Delta's usual retention), so a reader that loaded an earlier version, such as a Power BI refresh under way,
    /// can still open them.
    /// </summary>
    public TimeSpan RemovedFileRetention { get; } = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    /// <summary>
    /// The Delta commits' <c>engineInfo</c>: "attendance-analytics version 0.1.0 (build h)" from this assembly's
    /// product, version and source revision; the build is "dev" when the build carried no commit hash. (The Parquet
    /// files' own created_by is Parquet.Net's, which names the library that encoded them.)
    /// </summary>
    public static string EngineInfo { get; } = DescribeBuild(typeof(ExportFiles).Assembly);

    public BlobContainerClient Container => container;

    /// <summary>A table of the container, aged by this export's clock.</summary>
    public DeltaTable Table(string path) => new(container, path, time);

    /// <summary>
    /// The table properties every exported table carries: Delta's checkpoint interval and log retention (the
    /// defaults, written out so readers and people see them) and the removed-file retention this export applies,
    /// plus <paramref name="extra"/> (the attendance table's key fingerprint).
    /// </summary>
    public IReadOnlyDictionary<string, string> TableProperties(IReadOnlyDictionary<string, string>? extra = null)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeltaTableProperties.CheckpointInterval] = DeltaTableProperties.DefaultCheckpointInterval.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [DeltaTableProperties.LogRetentionDuration] = DeltaTableProperties.FormatInterval(DeltaTableProperties.DefaultLogRetention),
            [DeltaTableProperties.DeletedFileRetentionDuration] = DeltaTableProperties.FormatInterval(RemovedFileRetention),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            properties[key] = value;
        }

        return properties;
    }

    /// <summary>
    /// The protocol and metadata actions a commit needs: both for a new table; metadata alone when the schema or
    /// one of <paramref name="properties"/> differs from the table's (properties it has and these do not name stay).
    /// </summary>
    /// <exception cref="NotSupportedException">Another engine upgraded the table beyond reader 1 / writer 2.</exception>
    public IReadOnlyList<DeltaAction> Header<TRow>(ExportTable<TRow> definition, DeltaSnapshot snapshot, IReadOnlyDictionary<string, string> properties)
    {
        if (snapshot.Protocol is { MinReaderVersion: > 1 } or { MinWriterVersion: > 2 })
        {
            // Writing as writer 2 into a table that needs table features (deletion vectors, ...) would corrupt it.
            throw new NotSupportedException(
                $"The {definition.Path} table needs Delta reader {snapshot.Protocol.MinReaderVersion} / writer {snapshot.Protocol.MinWriterVersion}; this export writes reader 1 / writer 2 only.");
        }

        var actions = new List<DeltaAction>();
        if (snapshot.Protocol is null)
        {
            actions.Add(new DeltaAction { Protocol = new DeltaProtocol(1, 2) });
        }

        var configuration = new Dictionary<string, string>(snapshot.Metadata?.Configuration ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var changed = false;
        foreach (var (key, value) in properties)
        {
            if (configuration.GetValueOrDefault(key) != value)
            {
                configuration[key] = value;
                changed = true;
            }
        }

        if (changed || snapshot.Metadata?.SchemaString != definition.SchemaString)
        {
            actions.Add(new DeltaAction
            {
                MetaData = new DeltaMetadata(
                    snapshot.Metadata?.Id ?? Guid.NewGuid().ToString(),
                    definition.Path,
                    new DeltaFormat("parquet", new Dictionary<string, string>()),
                    definition.SchemaString,
                    [],
                    configuration,
                    snapshot.Metadata?.CreatedTime ?? Now()),
            });
        }

        return actions;
    }

    /// <summary>
    /// An <c>add</c> of a file written with <paramref name="definition"/>, its statistics in <c>stats</c>;
    /// <paramref name="dataChange"/> false when the rows were already in the table (compaction).
    /// </summary>
    public DeltaAction Add<TRow>(string fileName, long size, ExportTable<TRow> definition, ParquetFileSummary file, bool dataChange = true) => new()
    {
        Add = new DeltaAddFile(fileName, new Dictionary<string, string>(), size, Now(), dataChange, DeltaFileStatistics.Json(definition.Columns, file)),
    };

    /// <summary>
    /// A <c>remove</c> of the live file <paramref name="live"/> at <paramref name="path"/> (relative, unescaped), with its
    /// size and partition values as Delta's own writers record them (<c>extendedFileMetadata</c>);
    /// <paramref name="dataChange"/> false when the rows stay in the table (compaction).
    /// </summary>
    public DeltaAction Remove(string path, DeltaAddFile live, bool dataChange = true) => new()
    {
        Remove = new DeltaRemoveFile(path, Now(), dataChange) { ExtendedFileMetadata = true, PartitionValues = live.PartitionValues, Size = live.Size },
    };

    public DeltaAction CommitInfo(string operation, string runId) => new()
    {
        CommitInfo = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["timestamp"] = Now(),
            ["operation"] = operation,
            ["engineInfo"] = EngineInfo,
            ["txnId"] = runId,

            // Makes every attempt's commit unique, which DeltaTable.TryCommitAsync relies on to recognise its own.
            ["attemptId"] = Guid.NewGuid().ToString("N"),
        }),
    };

    /// <summary>
    /// Deletes data files of the table that the snapshot does not reference: files no commit ever added once older
    /// than <see cref="OrphanAge"/>, removed files once <see cref="RemovedFileRetention"/> has passed since their removal.
    /// </summary>
    public async Task<int> DeleteOrphansAsync(DeltaTable table, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var prefix = table.Path + "/";
        var stale = new List<string>();
        var now = time.GetUtcNow();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var relative = blob.Name[prefix.Length..];
            if (relative.StartsWith('_') || snapshot.Files.ContainsKey(relative))
            {
                continue;
            }

            var expired = snapshot.Tombstones.TryGetValue(relative, out var removedAt)
                ? DateTimeOffset.FromUnixTimeMilliseconds(removedAt) < now - RemovedFileRetention
                : blob.Properties.LastModified < now - OrphanAge;
            if (expired)
            {
                stale.Add(blob.Name);
            }
        }

        foreach (var name in stale)
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }

        return stale.Count;
    }

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    public DateTimeOffset UtcNow => time.GetUtcNow();

    private static string DescribeBuild(Assembly assembly)
    {
        var product = assembly.GetCustomAttribute<AssemblyProductAttribute>()?.Product ?? "attendance-analytics";
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var revision = plus < 0 ? string.Empty : informational[(plus + 1)..];
        var build = revision.Length >= 7 && revision.All(char.IsAsciiHexDigit) ? revision[..7] : "dev";
        return $"{product} version {version} (build {build})";
    }
}
