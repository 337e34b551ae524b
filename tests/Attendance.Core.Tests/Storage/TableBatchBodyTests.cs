using System.Text;
using Attendance.Storage.Tables;
using Xunit;

namespace Attendance.Storage;

public sealed class TableBatchBodyTests
{
    private const string TableUrl = "http://127.0.0.1:10002/devstoreaccount1/Attendance";
    private static readonly Guid BatchId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid ChangesetId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    [Fact]
    public void One_changeset_holds_every_action_with_absolute_urls_content_ids_and_one_line_json()
    {
        var body = new TableBatchBody(TableUrl,
        [
            new(TableTransactionActionType.Insert, new TableEntity("e'1", "a") { ["Day"] = 1, ["Note"] = "line1\nline2" }),
            new(TableTransactionActionType.Upsert, new TableEntity("e'1", "b")),
            new(TableTransactionActionType.Replace, new TableEntity("e'1", "c"), "W/\"etag\""),
            new(TableTransactionActionType.Delete, new TableEntity("e'1", "d")),
        ], BatchId, ChangesetId);

        const string expected =
            "--batch_11111111-1111-1111-1111-111111111111\r\n"
            + "Content-Type: multipart/mixed; boundary=changeset_22222222-2222-2222-2222-222222222222\r\n"
            + "\r\n"
            + "--changeset_22222222-2222-2222-2222-222222222222\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
            + "POST http://127.0.0.1:10002/devstoreaccount1/Attendance HTTP/1.1\r\n"
            + "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "Prefer: return-no-content\r\nContent-Type: application/json\r\n\r\n"
            + "{\"PartitionKey\":\"e\\u00271\",\"RowKey\":\"a\",\"Day\":1,\"Note\":\"line1\\nline2\"}\r\n"
            + "--changeset_22222222-2222-2222-2222-222222222222\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n"
            + "PUT http://127.0.0.1:10002/devstoreaccount1/Attendance(PartitionKey=%27e%27%271%27,RowKey=%27b%27) HTTP/1.1\r\n"
            + "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n"
            + "Prefer: return-no-content\r\nContent-Type: application/json\r\n\r\n"
            + "{\"PartitionKey\":\"e\\u00271\",\"RowKey\":\"b\"}\r\n"
            + "--changeset_22222222-2222-2222-2222-222222222222\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 3\r\n\r\n"
            + "PUT http://127.0.0.1:10002/devstoreaccount1/Attendance(PartitionKey=%27e%27%271%27,RowKey=%27c%27) HTTP/1.1\r\n"
            + "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nIf-Match: W/\"etag\"\r\n"
            + "Prefer: return-no-content\r\nContent-Type: application/json\r\n\r\n"
            + "{\"PartitionKey\":\"e\\u00271\",\"RowKey\":\"c\"}\r\n"
            + "--changeset_22222222-2222-2222-2222-222222222222\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 4\r\n\r\n"
            + "DELETE http://127.0.0.1:10002/devstoreaccount1/Attendance(PartitionKey=%27e%27%271%27,RowKey=%27d%27) HTTP/1.1\r\n"
            + "Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\nIf-Match: *\r\n\r\n"
            + "--changeset_22222222-2222-2222-2222-222222222222--\r\n"
            + "--batch_11111111-1111-1111-1111-111111111111--\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(body.Content));
        Assert.Equal("multipart/mixed; boundary=batch_11111111-1111-1111-1111-111111111111", body.ContentType);
    }

    [Fact]
    public void The_failed_action_index_comes_from_the_message_prefix()
    {
        const string response =
            "--batchresponse_x\r\nContent-Type: multipart/mixed; boundary=changesetresponse_y\r\n\r\n"
            + "--changesetresponse_y\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 409 Conflict\r\nContent-ID: 7\r\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:abc\"}}}\r\n"
            + "--changesetresponse_y--\r\n--batchresponse_x--\r\n";

        var failure = TableBatchFailure.Find(response);

        Assert.NotNull(failure);
        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Equal(1, failure.FailedActionIndex);
    }

    [Fact]
    public void Without_a_prefix_the_failing_parts_content_id_names_the_action()
    {
        const string response =
            "--changesetresponse_y\r\n\r\nHTTP/1.1 412 Precondition Failed\r\nContent-ID: 3\r\n\r\n"
            + "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"value\":\"The update condition specified in the request was not satisfied.\"}}}\r\n"
            + "--changesetresponse_y--\r\n";

        var failure = TableBatchFailure.Find(response);

        Assert.Equal(412, failure!.Status);
        Assert.Equal(2, failure.FailedActionIndex);
    }

    [Fact]
    public void A_response_of_successes_holds_no_failure()
    {
        const string response =
            "--changesetresponse_y\r\n\r\nHTTP/1.1 204 No Content\r\nContent-ID: 1\r\n\r\n"
            + "--changesetresponse_y\r\n\r\nHTTP/1.1 201 Created\r\nContent-ID: 2\r\n\r\n--changesetresponse_y--\r\n";

        Assert.Null(TableBatchFailure.Find(response));
    }
}
