using Attendance.Storage.Tables;
using Xunit;

namespace Attendance.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u007fb")]
    public void Keys_the_service_forbids_are_refused_before_any_request(string key)
    {
        Assert.Throws<ArgumentException>(() => TableUrls.Entity("T", key, "r"));
        Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(new TableEntity("p", key)));
    }

    [Fact]
    public void Keys_over_one_kibibyte_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableUrls.Entity("T", new string('x', 1025), "r"));
        TableUrls.Entity("T", new string('x', 1024), "r");
    }

    [Fact]
    public void Quotes_are_doubled_then_percent_encoded_in_entity_urls()
    {
        Assert.Equal("T(PartitionKey=%27O%27%27Brien%20%26%20co%27,RowKey=%27%C3%A9%2B%3D%27)", TableUrls.Entity("T", "O'Brien & co", "é+="));
    }
}
