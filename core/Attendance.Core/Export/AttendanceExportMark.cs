using Attendance.Delta;
using Attendance.Storage;
using Attendance.Submissions;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>
/// Reads an event's export mark from the <c>attendance</c> Delta table: the <c>txn</c> version the export commits
/// with each file (<see cref="AttendanceExport.AppId"/>). Loads the table's snapshot, so the store asks only when an
/// event's counter is missing after its numbering started, never on every submission nor on a new event's first.
/// </summary>
public sealed class AttendanceExportMark(BlobServiceClient blobs, IOptions<ExportOptions> options) : IExportMark
{
    /// <inheritdoc />
    public async Task<long> GetAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var table = new DeltaTable(blobs.GetBlobContainerClient(options.Value.Container), AnalyticsTables.AttendancePath);
        try
        {
            var snapshot = await table.LoadAsync(cancellationToken);
            return snapshot.Transactions.GetValueOrDefault(AttendanceExport.AppId(eventId));
        }
        catch (RequestFailedException ex) when (CreateOnce.IsMissing(ex))
        {
            // No export container: nothing was ever exported.
            return 0;
        }
    }
}
