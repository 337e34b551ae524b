namespace Attendance.Storage.Tables;

/// <summary>Entity addresses: key literals with single quotes doubled, then percent-encoded.</summary>
internal static class TableUrls
{
    /// <summary><c>Table(PartitionKey='..',RowKey='..')</c> relative to the service, or absolute when given the table's URL.</summary>
    public static string Entity(string table, string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, "PartitionKey");
        TableKeys.Validate(rowKey, "RowKey");
        return $"{table}(PartitionKey={Literal(partitionKey)},RowKey={Literal(rowKey)})";
    }

    private static string Literal(string key) => Uri.EscapeDataString(TableFilter.Quote(key));
}
