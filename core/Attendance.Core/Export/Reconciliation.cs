using System.Runtime.InteropServices;
using Attendance.Delta;
using Attendance.Events;
using Attendance.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Attendance.Submissions;
using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// Compares the submission store with the live <c>attendance</c> Delta table: every live record numbered up to its
/// event's export mark must be in the table exactly once, with the values of its current state (a correction applied),
/// and nothing else may be (a voided or erased record is absent). Submissions after the mark are pending, not
/// differences; so are the records named by changes after the event's change mark (<see cref="PendingChanges"/>),
/// which the next export applies: they are left out of the comparison and counted per event. Reads the whole store
/// and every live file: run it on demand, not on a hot path.
/// </summary>
public sealed class Reconciliation(BlobServiceClient blobs, IOptions<ExportOptions> options, EventStore events, SubmissionStore submissions, TimeProvider time)
{
    /// <summary>Where the CSV report goes in the export container.</summary>
    public const string ReportBlobName = "reports/reconciliation.csv";

    /// <summary>
    /// Every event day with stored attendance outside the event's dates, read from the live attendance counts (the
    /// attendance rows), whether exported or not. Empty when the store is consistent.
    /// </summary>
    public async Task<IReadOnlyList<AttendanceOutsideEvent>> FindOutsideEventDatesAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<AttendanceOutsideEvent>();
        await foreach (var trainingEvent in events.ListAsync(cancellationToken))
        {
            var attendance = await submissions.CountAsync(trainingEvent.Id, cancellationToken);
            foreach (var (day, count) in attendance.ByDate)
            {
                var date = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                if (!trainingEvent.Includes(date))
                {
                    found.Add(new AttendanceOutsideEvent(trainingEvent.Id, trainingEvent.StartDate, trainingEvent.EndDate, date, count));
                }
            }
        }

        return found;
    }

    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var table = new DeltaTable(container, AnalyticsTables.AttendancePath);
        var snapshot = await table.LoadAsync(cancellationToken);

        // Keys made with another secret would never match the store's participants: refuse rather than report.
        PseudonymKeyFingerprint.EnsureMatches(snapshot, PseudonymKeyFingerprint.Compute(options.Value.PseudonymKey));

        var secret = options.Value.PseudonymSecret();
        var fingerprint = PseudonymKeyFingerprint.Compute(secret);
        var definition = AnalyticsTables.Attendance(options.Value.IncludeNames);
        var inTable = new Dictionary<(string EventId, string SubmissionId), (DateOnly Date, int Count, object?[] Row)>();
        foreach (var path in snapshot.Files.Keys)
        {
            var file = await container.DownloadIfExistsAsync(table.FileBlobName(path), cancellationToken)
                ?? throw new InvalidDataException($"The live file {path} of the attendance table is missing.");
            foreach (var row in await ReadAttendanceRowsAsync(file.ToMemory(), definition, cancellationToken))
            {
                var (eventId, id, date) = KeyOf(definition, row);
                inTable[(eventId, id)] = (date, inTable.GetValueOrDefault((eventId, id)).Count + 1, row);
            }
        }

        var inStore = new Dictionary<(string EventId, string SubmissionId), (DateOnly Date, object?[] Row)>();
        var counters = new List<EventCounter>();
        var pending = new Dictionary<string, long>(StringComparer.Ordinal);
        var lost = new List<SequenceGap>();
        var resumptions = new List<CounterResumption>();
        var behind = new List<CounterBehindMark>();
        await foreach (var trainingEvent in events.ListAsync(cancellationToken))
        {
            var mark = snapshot.Transactions.GetValueOrDefault(AttendanceExport.AppId(trainingEvent.Id));
            var counter = await submissions.GetCounterAsync(trainingEvent.Id, cancellationToken);
            var last = counter?.Sequence ?? 0;
            if (counter is not null && last < mark)
            {
                // A counter restored from an older copy: its next numbers are ones the export has passed. The rows
                // it already numbered that way show up below as missing (in the store up to the mark, not in the table).
                behind.Add(new CounterBehindMark(trainingEvent.Id, last, mark, []));
            }

            if (last > mark)
            {
                pending[trainingEvent.Id] = last - mark;

                // The same check that stops the export: numbers handed out after the mark that the store no longer holds.
                lost.AddRange(await submissions.FindGapsAsync(trainingEvent.Id, mark, last, cancellationToken));
            }

            if (counter?.Resumption is { } resumption)
            {
                resumptions.Add(resumption);
            }

            if (counter is not null)
            {
                counters.Add(counter);
            }

            await foreach (var record in submissions.ReadAsync(trainingEvent.Id, 0, mark, cancellationToken))
            {
                // Only what still counts belongs in the dataset: a voided or erased record must be absent from it.
                if (record.Live is { } live)
                {
                    var expected = AttendanceRow.For(live, secret, fingerprint);
                    inStore[(trainingEvent.Id, record.SubmissionId)] = (record.SessionDate, [.. definition.Columns.Select(c => c.StoredValue(expected))]);
                }
            }
        }

        // Records named by changes the export has not applied yet may differ from their rows: pending, not differences.
        // The counters are read again after the records, so a change made while they were read counts as pending.
        var latest = new List<EventCounter>();
        foreach (var counter in counters)
        {
            latest.Add(await submissions.GetCounterAsync(counter.EventId, cancellationToken) ?? counter);
        }

        var (pendingChanges, changesBehind) = await PendingChanges.ReadAsync(submissions, latest, snapshot, cancellationToken);
        var changedPending = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var changes in pendingChanges)
        {
            changedPending[changes.EventId] = changes.Changes.Count;
            var mark = snapshot.Transactions.GetValueOrDefault(AttendanceExport.AppId(changes.EventId));
            foreach (var change in changes.Changes.Where(c => c.Sequence <= mark))
            {
                inStore.Remove((changes.EventId, change.SubmissionId));
                inTable.Remove((changes.EventId, change.SubmissionId));
            }
        }

        var findings = new List<SubmissionFinding>();
        foreach (var ((eventId, id), (date, expected)) in inStore)
        {
            var (_, count, row) = inTable.GetValueOrDefault((eventId, id));
            if (count != 1)
            {
                findings.Add(new SubmissionFinding(count == 0 ? FindingKind.Missing : FindingKind.Duplicate, eventId, date, id, 1, count));
            }
            else if (!StoredRows.SameValues(definition.Columns, expected, row))
            {
                findings.Add(new SubmissionFinding(FindingKind.Outdated, eventId, date, id, 1, 1));
            }
        }

        foreach (var ((eventId, id), (date, count, _)) in inTable)
        {
            if (!inStore.ContainsKey((eventId, id)))
            {
                findings.Add(new SubmissionFinding(FindingKind.Unexpected, eventId, date, id, 0, count));
            }
        }

        var tally = new Dictionary<(string EventId, DateOnly Date), (int Store, int Table)>();
        foreach (var ((eventId, _), (date, _)) in inStore)
        {
            var counts = tally.GetValueOrDefault((eventId, date));
            tally[(eventId, date)] = (counts.Store + 1, counts.Table);
        }

        foreach (var ((eventId, _), (date, count, _)) in inTable)
        {
            var counts = tally.GetValueOrDefault((eventId, date));
            tally[(eventId, date)] = (counts.Store, counts.Table + count);
        }

        var days = tally.Select(t => new DayCount(t.Key.EventId, t.Key.Date, t.Value.Store, t.Value.Table))
            .OrderBy(d => d.EventId, StringComparer.Ordinal).ThenBy(d => d.SessionDate)
            .ToList();
        var report = new ReconciliationReport(time.GetUtcNow(), snapshot.Version, days, findings, pending, lost, resumptions, behind)
        {
            PendingChangesByEvent = changedPending,
            ChangesBehind = changesBehind,
        };
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        await container.GetBlobClient(ReportBlobName).UploadAsync(
            BinaryData.FromString(report.ToCsv()), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" } }, cancellationToken);
        return report;
    }

    /// <summary>
    /// Every row of one exported file in the table's stored form (<see cref="StoredRows"/>, read with Parquet.Net, the
    /// library that wrote it; the oracle tests check its files with independent readers). Columns are found by name, so
    /// files written before a column was added or moved still read; a file without the key columns is refused.
    /// </summary>
    internal static async Task<List<object?[]>> ReadAttendanceRowsAsync(
        ReadOnlyMemory<byte> file, ExportTable<AttendanceRow> definition, CancellationToken cancellationToken = default)
    {
        using var stream = MemoryMarshal.TryGetArray(file, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(file.ToArray(), writable: false);
        return await StoredRows.ReadAsync(stream, definition.Columns, KeyColumns, cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>The event, submission id and session date of a row read by <see cref="ReadAttendanceRowsAsync"/>.</summary>
    internal static (string EventId, string SubmissionId, DateOnly SessionDate) KeyOf(ExportTable<AttendanceRow> definition, object?[] row) =>
        (Value<string>(definition, row, "event_id"), Value<string>(definition, row, "submission_id"), Value<DateOnly>(definition, row, "session_date"));

    private static readonly string[] KeyColumns = ["event_id", "submission_id", "session_date"];

    private static T Value<T>(ExportTable<AttendanceRow> definition, object?[] row, string name)
    {
        for (var i = 0; i < definition.Columns.Count; i++)
        {
            if (definition.Columns[i].Name == name)
            {
                return row[i] is T value ? value : throw new InvalidDataException($"An attendance row has no {name}.");
            }
        }

        throw new InvalidOperationException($"The attendance table has no column '{name}'.");
    }
}
