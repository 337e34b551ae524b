using Attendance.Regions;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Corrections;

/// <summary>
/// Erases a person (UU 27/2022): every live attendance that matches the <see cref="PersonQuery"/>, in every event,
/// becomes a tombstone through the same change as a void (kind <see cref="AttendanceChangeKind.Erasure"/>), one
/// transaction per attendance with its audit entry. Finding them reads every record of the table (contacts are not
/// keys), which is an operator's request, not a hot path. Run again, it finds nothing: tombstones hold no contact or name.
/// </summary>
public sealed partial class ParticipantErasure(
    TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions, ChangeLog log, ILogger<ParticipantErasure> logger)
{
    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    /// <summary>With <paramref name="preview"/>, only says what would go; otherwise erases it and says what went.</summary>
    public async Task<ErasureResult> EraseAsync(PersonQuery person, ChangeRequest request, bool preview, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(person, cancellationToken);
        if (preview)
        {
            return new ErasureResult(true, Group(found));
        }

        var erased = new List<(string EventId, ErasedAttendance Attendance)>();
        foreach (var (eventId, attendance) in found)
        {
            var outcome = await log.ApplyAsync(
                eventId, attendance.SubmissionId, request, rows => AttendanceChanges.PlanWithdrawal(rows, AttendanceChangeKind.Erasure), cancellationToken);
            if (outcome.Change is { } change)
            {
                erased.Add((eventId, attendance with { Change = change.Number }));
            }
        }

        var result = new ErasureResult(false, Group(erased));
        LogErased(logger, result.Attendances, result.Events.Count, request.KeyName);
        return result;
    }

    private async Task<List<(string EventId, ErasedAttendance Attendance)>> FindAsync(PersonQuery person, CancellationToken cancellationToken)
    {
        var (from, until) = SubmissionRows.SequenceRange;
        var filter = person switch
        {
            { Email: { } email, Phone: { } phone } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and (Email eq {email} or Phone eq {phone})"),
            { Email: { } email } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and Email eq {email}"),
            { Phone: { } phone } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and Phone eq {phone}"),
            _ => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and RegencyCode eq {person.Regency!.Code}"),
        };

        var found = new List<(string, ErasedAttendance)>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (SubmissionRows.ReadStoreRecord(row, regions) is { Attendance: { } attendance } record && person.Matches(attendance))
                {
                    found.Add((row.PartitionKey, new ErasedAttendance(record.SubmissionId, record.SessionDate)));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No submission was ever stored, so the table does not exist yet: nothing to erase.
        }

        return found;
    }

    private static List<ErasureEvent> Group(IEnumerable<(string EventId, ErasedAttendance Attendance)> attendances) =>
    [
        .. attendances.GroupBy(a => a.EventId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ErasureEvent(g.Key, [.. g.Select(a => a.Attendance).OrderBy(a => a.SessionDate)])),
    ];

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Erasure of a person: {Attendances} attendances in {Events} events made tombstones, by key {KeyName}")]
    private static partial void LogErased(ILogger logger, int attendances, int events, string keyName);
}
