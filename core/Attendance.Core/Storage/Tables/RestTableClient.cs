using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Attendance.Storage.Tables;

/// <summary>
/// <see cref="ITableClient"/> over the Table service REST API (JSON, <c>odata=minimalmetadata</c> so property
/// types come back). Obtain it from <see cref="IAttendanceStorage.GetTable"/>.
/// </summary>
public sealed class RestTableClient : ITableClient
{
    private const string Json = "application/json";
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const int MaxTransactionActions = 100;

    private readonly StorageService service;
    private readonly string escapedName;

    internal RestTableClient(StorageService service, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        this.service = service;
        Name = tableName;
        escapedName = Uri.EscapeDataString(tableName);
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await service.SendAsync(message, cancellationToken);
        if (response.Status == 409 && StorageErrors.Parse(response).Code == "TableAlreadyExists")
        {
            return;
        }

        if (response.IsError)
        {
            throw StorageErrors.ToException(response);
        }
    }

    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, TableUrls.Entity(escapedName, partitionKey, rowKey));
        var response = await service.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.IsError)
        {
            throw StorageErrors.ToException(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        return TableEntityJson.Deserialize(json.RootElement, response.Headers.TryGetValue("ETag", out var etag) ? etag : null);
    }

    public Task<string> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Post, escapedName, entity, ifMatch: null, cancellationToken);

    public Task<string> UpsertAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Put, EntityPath(entity), entity, ifMatch: null, cancellationToken);

    public Task<string> ReplaceAsync(TableEntity entity, string ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(RequestMethod.Put, EntityPath(entity), entity, ifMatch, cancellationToken);
    }

    public async Task DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = CreateMessage(RequestMethod.Delete, TableUrls.Entity(escapedName, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await service.SendAsync(message, cancellationToken);
        // "Delete if present": absence is success, unless the caller named the version it meant to delete.
        if (response.IsError && !(response.Status == 404 && ifMatch == "*"))
        {
            throw StorageErrors.ToException(response);
        }
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter, IReadOnlyList<string>? select = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Append("&$filter=").Append(Uri.EscapeDataString(filter));
        }

        if (select is { Count: > 0 })
        {
            // The keys are always selected: an entity without them could not be addressed again.
            var columns = select.Concat(["PartitionKey", "RowKey"]).Distinct(StringComparer.Ordinal);
            query.Append("&$select=").Append(Uri.EscapeDataString(string.Join(',', columns)));
        }

        string? nextPartitionKey = null;
        string? nextRowKey = null;
        do
        {
            var page = new StringBuilder(query.ToString());
            if (nextPartitionKey is not null)
            {
                page.Append("&NextPartitionKey=").Append(Uri.EscapeDataString(nextPartitionKey));
                if (nextRowKey is not null)
                {
                    page.Append("&NextRowKey=").Append(Uri.EscapeDataString(nextRowKey));
                }
            }

            var relative = escapedName + "()" + (page.Length > 0 ? "?" + page.ToString(1, page.Length - 1) : string.Empty);
            List<TableEntity> entities;
            using (var message = CreateMessage(RequestMethod.Get, relative))
            {
                var response = await service.SendExpectingSuccessAsync(message, cancellationToken);
                using var json = JsonDocument.Parse(response.Content.ToMemory());
                entities = [.. json.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Deserialize(e))];
                // A page may be empty and still carry a continuation; only its absence ends the query.
                nextPartitionKey = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk) ? pk : null;
                nextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk) ? rk : null;
            }

            foreach (var entity in entities)
            {
                yield return entity;
            }
        }
        while (nextPartitionKey is not null);
    }

    public async Task SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        if (actions.Any(a => a.Entity.PartitionKey != actions[0].Entity.PartitionKey))
        {
            throw new ArgumentException("All actions of a transaction must share one PartitionKey.", nameof(actions));
        }

        var body = new TableBatchBody(service.Url(escapedName), actions, Guid.NewGuid(), Guid.NewGuid());
        using var message = CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", body.ContentType);
        message.Request.Content = RequestContent.Create(body.Content);
        var response = await service.SendAsync(message, cancellationToken);
        if (response.IsError)
        {
            // The whole batch was refused (malformed, too large): no action to blame.
            var (code, text) = StorageErrors.Parse(response);
            throw TableBatchFailure.Failed(response.Status, code, null, text);
        }

        if (TableBatchFailure.Find(response.Content.ToString()) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<string> WriteAsync(RequestMethod method, string relative, TableEntity entity, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(method, relative);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        SetJson(message, TableEntityJson.Serialize(entity));
        var response = await service.SendExpectingSuccessAsync(message, cancellationToken);
        return StorageService.ETag(response);
    }

    private string EntityPath(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return TableUrls.Entity(escapedName, entity.PartitionKey, entity.RowKey);
    }

    private HttpMessage CreateMessage(RequestMethod method, string relative)
    {
        var message = service.CreateMessage(method, relative);
        message.Request.Headers.SetValue("Accept", MinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJson(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", Json);
        message.Request.Content = RequestContent.Create(json);
    }
}
