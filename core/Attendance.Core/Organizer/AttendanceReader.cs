using System.Globalization;
using System.Runtime.CompilerServices;
using Attendance.Regions;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Attendance.Organizer;

/// <summary>
/// Reads an event's stored attendance for the organizer's keyed views: the full records (<c>q|…</c> rows, see
/// <see cref="SubmissionRows"/>), one per person and day, contact details included. Read-only, beside the store.
/// </summary>
public sealed class AttendanceReader(TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions)
{
    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    /// <summary>The stored submission with this id (its idempotency row leads to its record), or null; null too when it was voided or erased.</summary>
    public async Task<StoredSubmission?> FindAsync(string eventId, string submissionId, CancellationToken cancellationToken = default)
    {
        try
        {
            var id = await table.GetEntityIfExistsAsync<TableEntity>(eventId, SubmissionRows.IdKey(submissionId), ["Sequence"], cancellationToken);
            if (!id.HasValue || id.Value!.GetInt64("Sequence") is not { } sequence)
            {
                return null;
            }

            var record = await table.GetEntityIfExistsAsync<TableEntity>(eventId, SubmissionRows.SequenceKey(sequence), cancellationToken: cancellationToken);
            return record.HasValue ? SubmissionRows.ReadStoreRecord(record.Value!, regions).Live : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The event's live attendances (voided and erased ones left out), of one session date when <paramref name="sessionDate"/> is given, in commit order.</summary>
    public async IAsyncEnumerable<StoredSubmission> ReadAsync(
        string eventId, DateOnly? sessionDate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, until) = SubmissionRows.SequenceRange;
        var filter = sessionDate is { } date
            ? TableClient.CreateQueryFilter(
                $"PartitionKey eq {eventId} and RowKey ge {from} and RowKey lt {until} and SessionDate eq {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {eventId} and RowKey ge {from} and RowKey lt {until}");
        var rows = table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // No submission was ever stored, so the table does not exist yet: nobody attended.
                    yield break;
                }

                // A voided or erased attendance leaves the lists at once.
                if (SubmissionRows.ReadStoreRecord(rows.Current, regions).Live is { } live)
                {
                    yield return live;
                }
            }
        }
        finally
        {
            await rows.DisposeAsync();
        }
    }
}
