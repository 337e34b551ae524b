using Attendance.Storage.Tables;
using Azure.Core.Pipeline;
using Xunit;

namespace Attendance.Storage;

/// <summary>Continuation shapes the real service produces but Azurite does not, checked on canned answers.</summary>
public sealed class RestTableClientPagingTests
{
    [Fact]
    public async Task An_empty_page_with_a_continuation_does_not_end_the_query_and_an_absent_row_key_is_not_sent()
    {
        var transport = new CannedTransport(
            new CannedResponse(200, """{"value":[]}""", ("x-ms-continuation-NextPartitionKey", "1!8!cDI-")),
            new CannedResponse(200, """{"value":[{"PartitionKey":"p2","RowKey":"a"}]}""",
                ("x-ms-continuation-NextPartitionKey", "1!8!cDM-"), ("x-ms-continuation-NextRowKey", "1!4!YQ--")),
            new CannedResponse(200, """{"value":[{"PartitionKey":"p3","RowKey":"b"}]}"""));
        var table = new RestTableClient(new StorageService(new HttpPipeline(transport), new Uri("https://a.table.core.windows.net/"), "2019-02-02"), "Attendance");

        var rows = await table.QueryAsync(TableFilter.GreaterThan("PartitionKey", "p"), cancellationToken: TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], rows.Select(r => r.RowKey));
        Assert.Equal(
        [
            "https://a.table.core.windows.net/Attendance()?$filter=PartitionKey%20gt%20%27p%27",
            "https://a.table.core.windows.net/Attendance()?$filter=PartitionKey%20gt%20%27p%27&NextPartitionKey=1%218%21cDI-",
            "https://a.table.core.windows.net/Attendance()?$filter=PartitionKey%20gt%20%27p%27&NextPartitionKey=1%218%21cDM-&NextRowKey=1%214%21YQ--",
        ], transport.Requests.Select(u => u.AbsoluteUri));
    }
}
