using Attendance.Delta;
using Attendance.Storage;

namespace Attendance.Export;

/// <summary>
/// Copy-on-write of changed attendance rows, as Delta applies an UPDATE or DELETE without deletion vectors: each live
/// file holding a row of <c>replacements</c> is read back and written again as a new file, every other row as it was,
/// a replaced row as given (the record's current state) and a row replaced by null left out (voided or erased); the
/// caller commits a <c>remove</c> of the old file (<c>dataChange: true</c>) and the <c>add</c> of the new one (with
/// its own statistics) in ONE commit with the marks, so a reader sees the old rows or the new ones, never both. A
/// file left with no row is only removed. Candidate files are those whose <c>add.stats</c> bounds on
/// <c>event_id</c> admit one of the changed events; only they are downloaded. Nothing is committed here: a caller
/// that loses its commit deletes <see cref="Rewrite.FilesWritten"/>.
/// </summary>
internal sealed class AttendanceFileRewrite(ExportContext context, ExportTable<AttendanceRow> definition, string runId)
{
    private readonly ExportTable<object?[]> stored = StoredRowTable.From(definition);
    private readonly int eventColumn = IndexOf(definition, "event_id");
    private readonly int idColumn = IndexOf(definition, "submission_id");

    /// <summary>
    /// Writes the rewritten files of <paramref name="snapshot"/>'s live files that hold a row of
    /// <paramref name="replacements"/> (keyed by event and submission id; a null value withdraws the row). On a
    /// failure the files written so far are deleted.
    /// </summary>
    public async Task<Rewrite> WriteAsync(
        DeltaTable table, DeltaSnapshot snapshot, IReadOnlyDictionary<(string EventId, string SubmissionId), object?[]?> replacements,
        int attempt, CancellationToken cancellationToken)
    {
        var actions = new List<DeltaAction>();
        var written = new List<string>();
        var found = new HashSet<(string, string)>();
        long replaced = 0, dropped = 0;
        if (replacements.Count == 0)
        {
            return new Rewrite(actions, written, 0, 0, 0, 0);
        }

        var events = replacements.Keys.Select(k => k.EventId).Distinct(StringComparer.Ordinal).ToList();
        var candidates = snapshot.Files
            .Where(f => events.Any(e => DeltaFileStatistics.MayHold(f.Value, "event_id", e)))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        try
        {
            foreach (var (path, live) in candidates)
            {
                var rows = new List<object?[]>();
                var changed = false;
                await foreach (var row in StoredRows.ReadAsync(context.Container, table, path, definition.Columns, cancellationToken))
                {
                    var key = ((string)row[eventColumn]!, (string)row[idColumn]!);
                    if (!replacements.TryGetValue(key, out var replacement))
                    {
                        rows.Add(row);
                        continue;
                    }

                    changed = true;
                    found.Add(key);
                    if (replacement is null)
                    {
                        dropped++;
                    }
                    else
                    {
                        replaced++;
                        rows.Add(replacement);
                    }
                }

                if (!changed)
                {
                    continue;
                }

                actions.Add(context.Commits.Remove(path, live));
                if (rows.Count == 0)
                {
                    continue;
                }

                var fileName = $"part-{context.UtcNow:yyyyMMddTHHmmssZ}-{runId}-{attempt}-rewrite-{written.Count}.snappy.parquet";
                written.Add(fileName);
                await using var blob = context.Container.OpenStagedWrite(table.FileBlobName(fileName), ParquetFileWriter.ContentType);
                var file = await ParquetFileWriter.WriteAsync(blob, stored, rows.ToAsyncEnumerable(), RowGroupLimits.Default, progress: null, cancellationToken);
                await blob.CommitAsync(cancellationToken);
                actions.Add(context.Commits.Add(fileName, blob.Length, DeltaFileStatistics.Json(stored.Columns, file)));
            }
        }
        catch
        {
            await DeleteAsync(table, written, CancellationToken.None);
            throw;
        }

        return new Rewrite(actions, written, actions.Count(a => a.Remove is not null), replaced, dropped, replacements.Keys.Count(k => !found.Contains(k)));
    }

    /// <summary>Deletes files this rewrite wrote (its commit lost, or failed before it).</summary>
    public async Task DeleteAsync(DeltaTable table, IEnumerable<string> fileNames, CancellationToken cancellationToken)
    {
        foreach (var name in fileNames)
        {
            await context.Container.DeleteBlobIfExistsAsync(table.FileBlobName(name), cancellationToken: cancellationToken);
        }
    }

    /// <summary>The row as the table's files hold it, for a record's current state.</summary>
    public object?[] Row(AttendanceRow row) => [.. definition.Columns.Select(c => c.StoredValue(row))];

    private static int IndexOf(ExportTable<AttendanceRow> definition, string name)
    {
        for (var i = 0; i < definition.Columns.Count; i++)
        {
            if (definition.Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The {definition.Path} table has no column '{name}'.");
    }

    /// <summary>
    /// The actions to commit (a <c>remove</c> per rewritten file, an <c>add</c> per new one), the new files' names, how
    /// many rows were replaced or left out, and how many changed rows no live file held (already withdrawn).
    /// </summary>
    internal sealed record Rewrite(IReadOnlyList<DeltaAction> Actions, IReadOnlyList<string> FilesWritten, int FilesRemoved, long RowsReplaced, long RowsDropped, int NotFound);
}
