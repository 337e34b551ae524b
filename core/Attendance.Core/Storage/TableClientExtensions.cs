using Azure.Data.Tables;

namespace Attendance.Storage;

/// <summary>Reads that treat "absent" as a value.</summary>
public static class TableClientExtensions
{
    /// <summary>One entity, or null when the table has no row with these keys.</summary>
    public static async Task<TableEntity?> FindAsync(
        this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
