using System.Text;

namespace Attendance.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction: one batch holding one changeset, one
/// <c>application/http</c> part per action with an absolute URL (Azurite resolves nothing else) and the
/// entity's JSON on a single line. Parts are numbered by <c>Content-ID</c> from 1 so errors can name them.
/// </summary>
internal sealed class TableBatchBody
{
    private const string Crlf = "\r\n";

    public TableBatchBody(string tableUrl, IReadOnlyList<TableTransactionAction> actions, Guid batchId, Guid changesetId)
    {
        BatchBoundary = $"batch_{batchId:D}";
        var changeset = $"changeset_{changesetId:D}";
        var text = new StringBuilder()
            .Append("--").Append(BatchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf)
            .Append(Crlf);
        for (var i = 0; i < actions.Count; i++)
        {
            AppendPart(text, changeset, tableUrl, actions[i], contentId: i + 1);
        }

        text.Append("--").Append(changeset).Append("--").Append(Crlf)
            .Append("--").Append(BatchBoundary).Append("--").Append(Crlf);
        Content = Encoding.UTF8.GetBytes(text.ToString());
    }

    public string BatchBoundary { get; }

    public string ContentType => "multipart/mixed; boundary=" + BatchBoundary;

    public byte[] Content { get; }

    private static void AppendPart(StringBuilder text, string changeset, string tableUrl, TableTransactionAction action, int contentId)
    {
        var entity = action.Entity;
        var (method, url, ifMatch, hasBody) = action.Type switch
        {
            TableTransactionActionType.Insert => ("POST", tableUrl, null, true),
            TableTransactionActionType.Upsert => ("PUT", TableUrls.Entity(tableUrl, entity.PartitionKey, entity.RowKey), null, true),
            TableTransactionActionType.Replace => ("PUT", TableUrls.Entity(tableUrl, entity.PartitionKey, entity.RowKey), action.IfMatch, true),
            TableTransactionActionType.Delete => ("DELETE", TableUrls.Entity(tableUrl, entity.PartitionKey, entity.RowKey), action.IfMatch, false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Type, "Unknown transaction action."),
        };

        text.Append("--").Append(changeset).Append(Crlf)
            .Append("Content-Type: application/http").Append(Crlf)
            .Append("Content-Transfer-Encoding: binary").Append(Crlf)
            .Append("Content-ID: ").Append(contentId).Append(Crlf)
            .Append(Crlf)
            .Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf)
            .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
            .Append("DataServiceVersion: 3.0").Append(Crlf);
        if (ifMatch is not null)
        {
            text.Append("If-Match: ").Append(ifMatch).Append(Crlf);
        }

        if (hasBody)
        {
            text.Append("Prefer: return-no-content").Append(Crlf)
                .Append("Content-Type: application/json").Append(Crlf)
                .Append(Crlf)
                .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append(Crlf);
        }
        else
        {
            text.Append(Crlf);
        }
    }
}
