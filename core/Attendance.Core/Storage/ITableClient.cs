namespace Attendance.Storage;

/// <summary>
/// The Table Storage operations the product needs, for one table. Implemented on Azure.Core's pipeline
/// by <see cref="Tables.RestTableClient"/>; a team with the full NuGet feed can implement it over Azure.Data.Tables.
/// Failures surface as <see cref="Azure.RequestFailedException"/> with the service's status
/// (409 conflict, 412 precondition failed, 404 not found), as the Azure SDK does.
/// </summary>
public interface ITableClient
{
    /// <summary>The table's name.</summary>
    string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one entity; null when absent.</summary>
    Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts an entity; 409 when the keys exist. Returns the new ETag.</summary>
    Task<string> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an entity. Returns the new ETag.</summary>
    Task<string> UpsertAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Replaces an existing entity only while its ETag is <paramref name="ifMatch"/> (412 otherwise). Returns the new ETag.</summary>
    Task<string> ReplaceAsync(TableEntity entity, string ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity if present (ETag <c>*</c>) or while its ETag matches.</summary>
    Task DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the entities matching an OData <paramref name="filter"/> (build it with <see cref="TableFilter"/>),
    /// following continuation tokens page by page.
    /// </summary>
    IAsyncEnumerable<TableEntity> QueryAsync(string? filter, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies up to 100 actions on one partition atomically (an entity group transaction).
    /// On failure nothing is applied and <see cref="TableTransactionFailedException"/> names the failing action.
    /// </summary>
    Task SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}
