using System.Runtime.InteropServices;
using System.Text;
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
/// Compares the submission store with the live <c>attendance</c> Delta table: every submission numbered up to its
/// event's export mark must be in the table exactly once, and nothing else may be. Submissions after the mark are
/// pending, not differences. Reads the whole store and every live file: run it on demand, not on a hot path.
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

        var inTable = new Dictionary<(string EventId, string SubmissionId), (DateOnly Date, int Count)>();
        foreach (var path in snapshot.Files.Keys)
        {
            var file = await container.DownloadIfExistsAsync(table.FileBlobName(path), cancellationToken)
                ?? throw new InvalidDataException($"The live file {path} of the attendance table is missing.");
            foreach (var (eventId, id, date) in await ReadAttendanceKeysAsync(file.ToMemory(), cancellationToken))
            {
                var key = (eventId, id);
                inTable[key] = (date, inTable.GetValueOrDefault(key).Count + 1);
            }
        }

        var inStore = new Dictionary<(string EventId, string SubmissionId), DateOnly>();
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

            await foreach (var record in submissions.ReadAsync(trainingEvent.Id, 0, mark, cancellationToken))
            {
                // Only what still counts belongs in the dataset: a voided or erased record must be absent from it.
                if (!record.Withdrawn)
                {
                    inStore[(trainingEvent.Id, record.SubmissionId)] = record.SessionDate;
                }
            }
        }

        var findings = new List<SubmissionFinding>();
        foreach (var ((eventId, id), date) in inStore)
        {
            var count = inTable.GetValueOrDefault((eventId, id)).Count;
            if (count != 1)
            {
                findings.Add(new SubmissionFinding(count == 0 ? FindingKind.Missing : FindingKind.Duplicate, eventId, date, id, 1, count));
            }
        }

        foreach (var ((eventId, id), (date, count)) in inTable)
        {
            if (!inStore.ContainsKey((eventId, id)))
            {
                findings.Add(new SubmissionFinding(FindingKind.Unexpected, eventId, date, id, 0, count));
            }
        }

        var tally = new Dictionary<(string EventId, DateOnly Date), (int Store, int Table)>();
        foreach (var ((eventId, _), date) in inStore)
        {
            var counts = tally.GetValueOrDefault((eventId, date));
            tally[(eventId, date)] = (counts.Store + 1, counts.Table);
        }

        foreach (var ((eventId, _), (date, count)) in inTable)
        {
            var counts = tally.GetValueOrDefault((eventId, date));
            tally[(eventId, date)] = (counts.Store, counts.Table + count);
        }

        var days = tally.Select(t => new DayCount(t.Key.EventId, t.Key.Date, t.Value.Store, t.Value.Table))
            .OrderBy(d => d.EventId, StringComparer.Ordinal).ThenBy(d => d.SessionDate)
            .ToList();
        var report = new ReconciliationReport(time.GetUtcNow(), snapshot.Version, days, findings, pending, lost, resumptions, behind);
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        await container.GetBlobClient(ReportBlobName).UploadAsync(
            BinaryData.FromString(report.ToCsv()), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" } }, cancellationToken);
        return report;
    }

    /// <summary>
    /// The event, submission id and session date of every row of one exported file, read with Parquet.Net (the
    /// library that wrote it; the oracle tests check its files with independent readers). Columns are found by name,
    /// so files written before a column was added or moved still read.
    /// </summary>
    internal static async Task<List<(string EventId, string SubmissionId, DateOnly SessionDate)>> ReadAttendanceKeysAsync(
        ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        using var stream = MemoryMarshal.TryGetArray(file, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(file.ToArray(), writable: false);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken);
        var schema = reader.Schema;
        var eventField = Field(schema, "event_id");
        var idField = Field(schema, "submission_id");
        var dateField = Field(schema, "session_date");
        var keys = new List<(string, string, DateOnly)>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var eventIds = new string?[count];
            var ids = new string?[count];
            var dates = new DateOnly[count];
            await group.ReadAsync(eventField, eventIds.AsMemory(), cancellationToken: cancellationToken);
            await group.ReadAsync(idField, ids.AsMemory(), cancellationToken: cancellationToken);
            await group.ReadAsync(dateField, dates.AsMemory(), cancellationToken: cancellationToken);
            for (var i = 0; i < count; i++)
            {
                keys.Add((
                    eventIds[i] ?? throw new InvalidDataException($"Row {i} of row group {g} has no event_id."),
                    ids[i] ?? throw new InvalidDataException($"Row {i} of row group {g} has no submission_id."),
                    dates[i]));
            }
        }

        return keys;

        static DataField Field(ParquetSchema schema, string name) =>
            schema.DataFields.SingleOrDefault(f => f.Name == name)
            ?? throw new InvalidDataException($"An attendance file has no column '{name}'.");
    }
}
