namespace Attendance.Delta;

/// <summary>
/// A Delta table's state at one version, replayed from its commits: the live files, the schema, and the
/// latest version of each transaction identifier.
/// </summary>
public sealed class DeltaSnapshot
{
    private readonly Dictionary<string, DeltaAddFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> tombstones = new(StringComparer.Ordinal);

    // The actions behind Transactions and Tombstones, so a checkpoint carries txn.lastUpdated and a remove's size,
    // partition values and extendedFileMetadata on instead of dropping them.
    private readonly Dictionary<string, DeltaTransaction> transactionActions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeltaRemoveFile> removeActions = new(StringComparer.Ordinal);

    /// <summary>A table that does not exist yet: version -1, no files.</summary>
    public static DeltaSnapshot Empty => new();

    /// <summary>The last committed version; -1 before the first commit.</summary>
    public long Version { get; private set; } = -1;

    public DeltaProtocol? Protocol { get; private set; }

    public DeltaMetadata? Metadata { get; private set; }

    /// <summary>The files a reader of this version reads, by path relative to the table.</summary>
    public IReadOnlyDictionary<string, DeltaAddFile> Files => files;

    /// <summary>Files removed from the table and not added again, with their deletion time (Unix ms).</summary>
    public IReadOnlyDictionary<string, long> Tombstones => tombstones;

    /// <summary>The latest version recorded for each transaction identifier (appId).</summary>
    public IReadOnlyDictionary<string, long> Transactions => transactions;

    /// <summary>The latest txn action of each appId, as committed.</summary>
    internal IReadOnlyDictionary<string, DeltaTransaction> TransactionActions => transactionActions;

    /// <summary>The remove action behind each tombstone, as committed.</summary>
    internal IReadOnlyDictionary<string, DeltaRemoveFile> RemoveActions => removeActions;

    /// <summary>The version of the checkpoint this snapshot was loaded from, or written since; -1 if none.</summary>
    public long CheckpointVersion { get; internal set; } = -1;

    /// <summary>The log's commit and checkpoint blobs as listed when this snapshot was loaded (for clean-up).</summary>
    internal IReadOnlyList<DeltaLogFile> LogFiles { get; set; } = [];

    /// <summary>A snapshot at <paramref name="version"/> from a checkpoint's actions.</summary>
    internal static DeltaSnapshot FromCheckpoint(long version, IEnumerable<DeltaAction> actions)
    {
        var snapshot = new DeltaSnapshot();
        snapshot.ApplyActions(actions);
        snapshot.Version = version;
        snapshot.CheckpointVersion = version;
        return snapshot;
    }

    /// <summary>Applies the actions of commit <paramref name="version"/>, which must be the next one.</summary>
    public void Apply(long version, IEnumerable<DeltaAction> actions)
    {
        if (version != Version + 1)
        {
            throw new InvalidDataException($"Delta log is not contiguous: version {version} follows {Version}.");
        }

        ApplyActions(actions);
        Version = version;
    }

    private void ApplyActions(IEnumerable<DeltaAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.Protocol is { } protocol)
            {
                Protocol = protocol;
            }
            else if (action.MetaData is { } metadata)
            {
                Metadata = metadata;
            }
            else if (action.Add is { } add)
            {
                var path = Uri.UnescapeDataString(add.Path);
                files[path] = add;
                tombstones.Remove(path);
                removeActions.Remove(path);
            }
            else if (action.Remove is { } remove)
            {
                var path = Uri.UnescapeDataString(remove.Path);
                files.Remove(path);
                tombstones[path] = remove.DeletionTimestamp;
                removeActions[path] = remove;
            }
            else if (action.Txn is { } txn)
            {
                transactions[txn.AppId] = txn.Version;
                transactionActions[txn.AppId] = txn;
            }
        }
    }
}
