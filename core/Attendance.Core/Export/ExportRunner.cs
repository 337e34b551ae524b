using Attendance.Events;
using Attendance.Privacy;
using Attendance.Regions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Attendance.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>
/// The one export code path, run by the timer, <c>POST /api/exports</c> and <c>attendance export</c>.
/// It appends new attendance to the <c>attendance</c> Delta table (see <see cref="AttendanceExport"/>) and
/// rewrites <c>events</c> and <c>regions</c> when their content changed (see <see cref="SnapshotExport{TRow}"/>); then
/// clears the contacts whose retention ran out (see <see cref="ContactExpiry"/>).
/// </summary>
public sealed partial class ExportRunner(
    BlobServiceClient blobs,
    IOptions<ExportOptions> options,
    EventStore events,
    SubmissionStore submissions,
    RegionDirectory regions,
    ContactExpiry contactExpiry,
    ChangedEvents changedEvents,
    TimeProvider time,
    ILogger<ExportRunner> logger)
{
    public async Task<ExportSummary> RunAsync(string trigger, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await RunAsync(trigger, allEvents: false, progress, cancellationToken);

    /// <summary>
    /// A run. It reads the counters of the events the index of changed events marks (<see cref="ChangedEvents"/>), or
    /// of every event when the index cannot be trusted or <paramref name="allEvents"/> asks for a full pass; after
    /// every table and the contacts are done, it takes each event it exported up to its counter off the index.
    /// </summary>
    public async Task<ExportSummary> RunAsync(string trigger, bool allEvents, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var startedAt = time.GetUtcNow();
        var (runId, context, eventList) = await StartAsync(trigger, cancellationToken);
        // The attendance table's log, loaded once: it names the table the index is kept for, and it is the export's
        // first attempt (a commit made by another run since fails that attempt, which then loads the log again).
        var loaded = await context.Table(AnalyticsTables.AttendancePath).LoadAsync(cancellationToken);
        var index = await changedEvents.OpenAsync(Identity(context, loaded.Metadata?.Id), allEvents, cancellationToken);
        var toRead = index.Complete ? [.. eventList.Where(e => index.Markers.ContainsKey(e.Id))] : eventList;
        if (!index.Complete)
        {
            LogFullPass(logger, runId, eventList.Count, allEvents);
        }

        var attendance = new AttendanceExport(context, submissions, AnalyticsTables.Attendance(options.Value.IncludeNames),
            options.Value.PseudonymSecret(), runId);
        AttendanceExport.AttendanceExportResult attendanceResult;
        try
        {
            attendanceResult = await attendance.RunAsync(toRead, progress, cancellationToken, loaded);
        }
        catch (PseudonymKeyMismatchException ex)
        {
            // Attendance goes first, so a refused run has committed nothing to any table.
            LogKeyMismatch(logger, runId, PseudonymKeyMismatchException.Start(ex.Recorded), PseudonymKeyMismatchException.Start(ex.Current));
            throw;
        }

        var results = new List<TableExportResult>
        {
            attendanceResult.Result,
            await new SnapshotExport<TrainingEvent>(context, AnalyticsTables.Events, runId)
                .RunAsync([.. eventList.OrderBy(e => e.Id, StringComparer.Ordinal)], progress, cancellationToken),
            await new SnapshotExport<RegionRow>(context, AnalyticsTables.Regions, runId)
                .RunAsync([.. regions.All.Select(r => new RegionRow(r, r.ParentCode is null ? r : regions.Get(r.ParentCode)))], progress, cancellationToken),
        };

        // After the tables: contacts never reach the analytics, and the key a cleared record keeps is the one exported.
        var contactsCleared = await contactExpiry.RunAsync(eventList, index.Complete ? index.Markers.Keys.ToHashSet(StringComparer.Ordinal) : null, cancellationToken);

        // Last: an event comes off the index only once everything of its run is done, so a run cut short leaves it marked.
        await ClearIndexAsync(index, attendanceResult, cancellationToken);
        if (!index.Complete)
        {
            await changedEvents.CompleteAsync(index, Identity(context, attendanceResult.TableId), cancellationToken);
        }

        var summary = new ExportSummary(runId, trigger, startedAt, time.GetUtcNow(), results,
            attendanceResult.Lost, attendanceResult.Behind, attendanceResult.Resumptions, contactsCleared)
        {
            ChangesBehind = attendanceResult.ChangesBehind,
            ChangesApplied = attendanceResult.ChangesApplied,
            AllEvents = !index.Complete,
            EventsRead = toRead.Count,
        };
        foreach (var gap in summary.Lost)
        {
            LogSubmissionsLost(logger, runId, gap.EventId, gap.From, gap.To);
        }

        foreach (var behind in summary.Behind)
        {
            LogCounterBehind(logger, runId, behind.EventId, behind.Counter, behind.Mark, behind.NotExportable.Count);
        }

        foreach (var changes in summary.ChangesBehind)
        {
            LogChangesBehind(logger, runId, changes.EventId, changes.Changes, changes.Mark);
        }

        foreach (var resumption in summary.Resumptions.Where(r => !r.Acknowledged))
        {
            LogResumptionUnacknowledged(logger, runId, resumption.EventId, resumption.After, resumption.At);
        }

        if (summary.ChangesApplied > 0)
        {
            LogChangesApplied(logger, runId, summary.ChangesApplied);
        }

        foreach (var table in results)
        {
            LogTableExported(logger, runId, table.Table, table.Version, table.RowsAdded, table.Changed);
        }

        return summary;
    }

    /// <summary>
    /// Takes off the index every marked event whose counter the run read and exported up to: not one whose numbers
    /// the store lost, whose counter stood behind a mark or whose resumption is not acknowledged, so those are
    /// reported again by the next run as they always were. <see cref="ChangedEvents.ClearAsync"/> leaves an event
    /// whose counter moved since the run read it.
    /// </summary>
    private async Task ClearIndexAsync(IndexRun index, AttendanceExport.AttendanceExportResult result, CancellationToken cancellationToken)
    {
        var keep = result.Lost.Select(g => g.EventId)
            .Concat(result.Behind.Select(b => b.EventId))
            .Concat(result.ChangesBehind.Select(c => c.EventId))
            .Concat(result.Resumptions.Where(r => !r.Acknowledged).Select(r => r.EventId))
            .ToHashSet(StringComparer.Ordinal);

        // Events are independent: several at once, so a run's round trips overlap.
        var clearable = result.Counters.Where(c => !keep.Contains(c.EventId) && index.Markers.ContainsKey(c.EventId));
        await Parallel.ForEachAsync(clearable, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentEvents, CancellationToken = cancellationToken },
            async (counter, ct) => await changedEvents.ClearAsync(counter.EventId, counter.Sequence, counter.Changes, index.Markers[counter.EventId], ct));
    }

    /// <summary>Events taken off the index at once.</summary>
    private const int ConcurrentEvents = 8;

    /// <summary>
    /// The analytics table the index is kept for: the container and the attendance table's <c>metaData</c> id, so
    /// another container, or the attendance table deleted and created again, is not served by an index kept for another.
    /// </summary>
    private static string Identity(ExportContext context, string? tableId) => $"{context.Container.Name}/{tableId}";

    /// <summary>
    /// Rewrites the attendance table under the configured pseudonym key in one commit (a deliberate key change; see
    /// <see cref="AttendanceRebuild"/>). <c>events</c> and <c>regions</c> hold no pseudonyms and are left as they are.
    /// </summary>
    public async Task<TableExportResult> RebuildAttendanceAsync(IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (runId, context, eventList) = await StartAsync("rebuild", cancellationToken);
        var result = await new AttendanceRebuild(context, submissions, AnalyticsTables.Attendance(options.Value.IncludeNames),
            options.Value.PseudonymSecret(), runId).RunAsync(eventList, progress, cancellationToken);
        LogTableExported(logger, runId, result.Table, result.Version, result.RowsAdded, result.Changed);
        return result;
    }

    /// <summary>
    /// What a run and a rebuild both start with: a new run id, logged with what started it; the container, created
    /// if absent; the run's <see cref="ExportContext"/> over it; and the events, listed once so every table of the
    /// run sees the same ones.
    /// </summary>
    private async Task<(string RunId, ExportContext Context, List<TrainingEvent> Events)> StartAsync(string trigger, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7().ToString("N");
        LogRunStarted(logger, runId, trigger);
        var container = blobs.GetBlobContainerClient(options.Value.Container);
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        var context = new ExportContext(container, time, removedFileRetention: options.Value.RemovedFileRetention);

        var eventList = new List<TrainingEvent>();
        await foreach (var trainingEvent in events.ListAsync(cancellationToken))
        {
            eventList.Add(trainingEvent);
        }

        return (runId, context, eventList);
    }

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Export {RunId} reads the counters of all {Events} events (asked: {Asked}); the index of changed events is recorded complete at its end")]
    private static partial void LogFullPass(ILogger logger, string runId, int events, bool asked);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Export {RunId} started by {Trigger}")]
    private static partial void LogRunStarted(ILogger logger, string runId, string trigger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Export {RunId} refused: Export:PseudonymKey is not the key the attendance table was written with (table fingerprint {Recorded}…, configured {Current}…); nothing was committed")]
    private static partial void LogKeyMismatch(ILogger logger, string runId, string recorded, string current);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Export {RunId}: event {EventId} lost submissions #{From}-#{To} in storage (numbered, then gone from the store); its export mark stays until they are restored")]
    private static partial void LogSubmissionsLost(ILogger logger, string runId, string eventId, long from, long to);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Export {RunId}: counter of event {EventId} stood at {Counter}, at or below its mark {Mark} (restored from an older copy?); moved up to the mark; {NotExportable} submissions numbered at or below the mark since cannot be exported: run verify")]
    private static partial void LogCounterBehind(ILogger logger, string runId, string eventId, long counter, long mark, int notExportable);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Export {RunId}: counter of event {EventId} resumed after #{After} at {At} (found missing) and no one has acknowledged it: run verify")]
    private static partial void LogResumptionUnacknowledged(ILogger logger, string runId, string eventId, long after, DateTimeOffset at);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Export {RunId}: counter of event {EventId} records {Changes} changes, fewer than the {Mark} the export applied (its change log lost with the submissions table?); every change of its new log applied and the change mark set back; changes made before the loss are gone with it: run verify")]
    private static partial void LogChangesBehind(ILogger logger, string runId, string eventId, long changes, long mark);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Export {RunId}: {Changes} corrections, voids and erasures applied to the attendance table")]
    private static partial void LogChangesApplied(ILogger logger, string runId, long changes);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Export {RunId}: table {Table} at version {Version}, {Rows} rows added, changed {Changed}")]
    private static partial void LogTableExported(ILogger logger, string runId, string table, long version, long rows, bool changed);
}
