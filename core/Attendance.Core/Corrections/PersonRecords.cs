using Attendance.Regions;
using Attendance.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Attendance.Corrections;

/// <summary>
/// Finds a person's live attendances in every event (<see cref="PersonQuery"/>), for an erasure or an access request.
/// Contacts and names are not keys, so this reads every record the query's one indexed-looking condition leaves
/// (email, phone or regency, all compared by the service), across partitions: an operator's request, not a hot path.
/// </summary>
public sealed class PersonRecords(TableServiceClient tables, IOptions<StoreOptions> options, RegionDirectory regions)
{
    private readonly TableClient table = tables.GetTableClient(options.Value.SubmissionsTable);

    /// <summary>The person's live records with their events, in event and sequence order.</summary>
    public async Task<IReadOnlyList<(string EventId, StoredSubmission Stored)>> FindAsync(PersonQuery person, CancellationToken cancellationToken = default)
    {
        var (from, until) = SubmissionRows.SequenceRange;
        var filter = person switch
        {
            { Email: { } email, Phone: { } phone } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and (Email eq {email} or Phone eq {phone})"),
            { Email: { } email } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and Email eq {email}"),
            { Phone: { } phone } => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and Phone eq {phone}"),
            _ => TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {until} and RegencyCode eq {person.Regency!.Code}"),
        };

        var found = new List<(string, StoredSubmission)>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (SubmissionRows.ReadStoreRecord(row, regions).Live is { } stored && person.Matches(stored.Submission))
                {
                    found.Add((row.PartitionKey, stored));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No submission was ever stored, so the table does not exist yet: nobody to find.
        }

        return found;
    }
}
