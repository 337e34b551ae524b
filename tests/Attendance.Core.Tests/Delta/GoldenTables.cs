using System.Text.Json;

namespace Attendance.Delta;

/// <summary>
/// Delta Lake's own golden tables (Fixtures/golden, Apache-2.0, see its README.md), and what their logs define,
/// derived here from the JSON commits alone with <see cref="JsonDocument"/>: no product type takes part, so the
/// expected state cannot inherit a mistake of the product's loader.
/// </summary>
internal static class GoldenTables
{
    /// <summary>The folder of a golden table copied to the test output.</summary>
    public static string Folder(string table) => Path.Combine(AppContext.BaseDirectory, "Delta", "Fixtures", "golden", table);

    /// <summary>A file of the table's <c>_delta_log</c>.</summary>
    public static string LogFile(string table, string name) => Path.Combine(Folder(table), "_delta_log", name);

    /// <summary>The checkpoint Delta wrote for <paramref name="version"/>.</summary>
    public static string Checkpoint(string table, long version) => LogFile(table, DeltaTable.CheckpointName(version));

    /// <summary>The versions of the table's JSON commits, ascending.</summary>
    public static IReadOnlyList<long> CommitVersions(string table) =>
        [.. Directory.GetFiles(Path.Combine(Folder(table), "_delta_log"), "*.json").Select(f => long.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture)).Order()];

    /// <summary>
    /// Replays the JSON commits 0..<paramref name="upTo"/> as PROTOCOL.md "Action Reconciliation" says for files and
    /// transactions: an add makes a path live (and cancels its tombstone), a remove retires it and leaves a tombstone,
    /// the latest txn per appId wins. Paths are compared percent-decoded, as the spec defines them as URIs.
    /// </summary>
    public static LogState ReplayJson(string table, long upTo)
    {
        var live = new SortedSet<string>(StringComparer.Ordinal);
        var tombstones = new SortedSet<string>(StringComparer.Ordinal);
        var txn = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var version in CommitVersions(table).Where(v => v <= upTo))
        {
            foreach (var line in File.ReadAllLines(LogFile(table, DeltaTable.CommitName(version))).Where(l => l.Trim().Length > 0))
            {
                using var action = JsonDocument.Parse(line);
                var root = action.RootElement;
                if (root.TryGetProperty("add", out var add))
                {
                    var path = Uri.UnescapeDataString(add.GetProperty("path").GetString()!);
                    live.Add(path);
                    tombstones.Remove(path);
                }
                else if (root.TryGetProperty("remove", out var remove))
                {
                    var path = Uri.UnescapeDataString(remove.GetProperty("path").GetString()!);
                    live.Remove(path);
                    tombstones.Add(path);
                }
                else if (root.TryGetProperty("txn", out var t))
                {
                    txn[t.GetProperty("appId").GetString()!] = t.GetProperty("version").GetInt64();
                }
            }
        }

        return new LogState(live, tombstones, txn);
    }

    /// <summary>The product's own replay (<see cref="DeltaTable.ParseCommit"/>, <see cref="DeltaSnapshot.Apply"/>) of the JSON commits 0..<paramref name="upTo"/>.</summary>
    public static DeltaSnapshot ReplayWithProduct(string table, long upTo)
    {
        var snapshot = DeltaSnapshot.Empty;
        foreach (var version in CommitVersions(table).Where(v => v <= upTo))
        {
            snapshot.Apply(version, DeltaTable.ParseCommit(File.ReadAllBytes(LogFile(table, DeltaTable.CommitName(version)))));
        }

        return snapshot;
    }

    /// <summary>Writes the product's checkpoint of <paramref name="snapshot"/> (every tombstone kept) to a new temporary file.</summary>
    public static async Task<string> WriteOurCheckpointAsync(DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("our-checkpoint-").FullName, DeltaTable.CheckpointName(snapshot.Version));
        await using var output = File.Create(file);
        await DeltaCheckpoint.WriteAsync(DeltaCheckpoint.ToRows(snapshot, tombstonesAfter: 0), output, cancellationToken);
        return file;
    }

    /// <summary>Deletes a file <see cref="WriteOurCheckpointAsync"/> wrote, with its temporary folder.</summary>
    public static void DeleteOurCheckpoint(string file) => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

    /// <summary>Live files, remove tombstones and transaction versions of one table version.</summary>
    public sealed record LogState(IReadOnlySet<string> Live, IReadOnlySet<string> Tombstones, IReadOnlyDictionary<string, long> Txn);
}
