using Azure.Data.Tables;

namespace Attendance.Storage;

/// <summary>Reads that treat "absent" as a value.</summary>
public static class TableClientExtensions
{
    /// <summary>Reads at most one row's keys: proves the table exists and answers, for health checks.</summary>
    public static async Task ReadOnePageAsync(this TableClient table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
        {
            break;
        }
    }

    /// <summary>One entity, or null when the table has no row with these keys.</summary>
    public static async Task<TableEntity?> FindAsync(
        this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
