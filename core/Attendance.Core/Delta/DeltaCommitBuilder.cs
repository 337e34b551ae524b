using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Attendance.Delta;

/// <summary>
/// The actions of a commit as the product writes them (protocol and metadata, <c>add</c>, <c>remove</c>,
/// <c>commitInfo</c>) and the table properties every table carries, all stamped by one clock. It knows the log, not
/// what the tables hold: callers pass the table's path and <c>schemaString</c> and each file's <c>stats</c>.
/// </summary>
/// <param name="time">The clock whose time goes into every action's timestamp.</param>
/// <param name="removedFileRetention">
/// The <c>delta.deletedFileRetentionDuration</c> written in <see cref="TableProperties"/>; Delta's 7 days unless given.
/// </param>
public sealed class DeltaCommitBuilder(TimeProvider time, TimeSpan? removedFileRetention = null)
{
    /// <summary>
    /// The Delta commits' <c>engineInfo</c>: "attendance-analytics version 0.1.0 (build h)" from this assembly's
    /// product, version and source revision; the build is "dev" when the build carried no commit hash. (The Parquet
    /// files' own created_by is Parquet.Net's, which names the library that encoded them.)
    /// </summary>
    public static string EngineInfo { get; } = DescribeBuild(typeof(DeltaCommitBuilder).Assembly);

    /// <summary>How long removed files stay, as written in <see cref="TableProperties"/>.</summary>
    public TimeSpan RemovedFileRetention { get; } = removedFileRetention ?? DeltaTableProperties.DefaultDeletedFileRetention;

    /// <summary>
    /// The table properties every exported table carries: Delta's checkpoint interval and log retention (the
    /// defaults, written out so readers and people see them) and the removed-file retention this export applies,
    /// plus <paramref name="extra"/> (the attendance table's key fingerprint).
    /// </summary>
    public IReadOnlyDictionary<string, string> TableProperties(IReadOnlyDictionary<string, string>? extra = null)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeltaTableProperties.CheckpointInterval] = DeltaTableProperties.DefaultCheckpointInterval.ToString(CultureInfo.InvariantCulture),
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
    /// The protocol and metadata actions a commit to the table at <paramref name="tablePath"/> needs: both for a new
    /// table; metadata alone when <paramref name="schemaString"/> or one of <paramref name="properties"/> differs from
    /// the table's (properties it has and these do not name stay). The table's path is also its metadata name.
    /// </summary>
    /// <exception cref="NotSupportedException">Another engine upgraded the table beyond reader 1 / writer 2.</exception>
    public IReadOnlyList<DeltaAction> Header(string tablePath, string schemaString, DeltaSnapshot snapshot, IReadOnlyDictionary<string, string> properties)
    {
        if (snapshot.Protocol is { MinReaderVersion: > 1 } or { MinWriterVersion: > 2 })
        {
            // Writing as writer 2 into a table that needs table features (deletion vectors, ...) would corrupt it.
            throw new NotSupportedException(
                $"The {tablePath} table needs Delta reader {snapshot.Protocol.MinReaderVersion} / writer {snapshot.Protocol.MinWriterVersion}; this export writes reader 1 / writer 2 only.");
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

        if (changed || snapshot.Metadata?.SchemaString != schemaString)
        {
            actions.Add(new DeltaAction
            {
                MetaData = new DeltaMetadata(
                    snapshot.Metadata?.Id ?? Guid.NewGuid().ToString(),
                    tablePath,
                    new DeltaFormat("parquet", new Dictionary<string, string>()),
                    schemaString,
                    [],
                    configuration,
                    snapshot.Metadata?.CreatedTime ?? Now()),
            });
        }

        return actions;
    }

    /// <summary>
    /// An <c>add</c> of the file <paramref name="fileName"/> of <paramref name="size"/> bytes, with
    /// <paramref name="stats"/> (the per-file statistics JSON) in <c>stats</c>; <paramref name="dataChange"/> false
    /// when the rows were already in the table (compaction).
    /// </summary>
    public DeltaAction Add(string fileName, long size, string stats, bool dataChange = true) => new()
    {
        Add = new DeltaAddFile(fileName, new Dictionary<string, string>(), size, Now(), dataChange, stats),
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

    /// <summary>The <c>commitInfo</c> of one attempt of <paramref name="operation"/> by the run <paramref name="runId"/>.</summary>
    public DeltaAction CommitInfo(string operation, string runId) => new()
    {
        CommitInfo = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["timestamp"] = Now(),
            ["operation"] = operation,
            ["engineInfo"] = EngineInfo,
            ["txnId"] = runId,

            // Makes every attempt's commit unique, which DeltaTable.TryCommitAsync relies on to recognise its own.
            ["attemptId"] = Guid.NewGuid().ToString("N"),
        }),
    };

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

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
