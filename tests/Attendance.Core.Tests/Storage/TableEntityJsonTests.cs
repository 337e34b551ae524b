using System.Text;
using System.Text.Json;
using Attendance.Storage.Tables;
using Xunit;

namespace Attendance.Storage;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Types_json_cannot_tell_apart_carry_an_odata_type_and_nulls_are_left_out()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "s",
            ["I"] = 1,
            ["L"] = 9_007_199_254_740_993L,
            ["D"] = 2.0,
            ["B"] = false,
            ["T"] = new DateTimeOffset(2026, 11, 21, 15, 0, 0, TimeSpan.FromHours(7)),
            ["G"] = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            ["N"] = null,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"s\",\"I\":1,"
            + "\"L\":\"9007199254740993\",\"L@odata.type\":\"Edm.Int64\","
            + "\"D\":2,\"D@odata.type\":\"Edm.Double\",\"B\":false,"
            + "\"T\":\"2026-11-21T08:00:00.0000000Z\",\"T@odata.type\":\"Edm.DateTime\","
            + "\"G\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"G@odata.type\":\"Edm.Guid\"}",
            json);
    }

    [Fact]
    public void Reading_uses_annotations_then_the_json_kind()
    {
        const string json = """
            {"odata.etag":"W/\"datetime'2026'\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-11-21T08:00:00.1234567Z",
             "L":"42","L@odata.type":"Edm.Int64","I":7,"D":1.5,"W":3.0,"T":"2026-11-21T08:00:00Z","T@odata.type":"Edm.DateTime",
             "G":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","G@odata.type":"Edm.Guid","B":true,"S":"text","X":"NaN","X@odata.type":"Edm.Double"}
            """;
        using var document = JsonDocument.Parse(json);

        var entity = TableEntityJson.Deserialize(document.RootElement);

        Assert.Equal("W/\"datetime'2026'\"", entity.ETag);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), entity.Timestamp);
        Assert.Equal(42L, entity["L"]);
        Assert.Equal(7, entity["I"]);
        Assert.Equal(1.5, entity["D"]);
        Assert.Equal(3.0, entity["W"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), entity["T"]);
        Assert.Equal(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), entity["G"]);
        Assert.Equal(true, entity["B"]);
        Assert.Equal("text", entity["S"]);
        Assert.Equal(double.NaN, entity["X"]);
        Assert.Equal(["B", "D", "G", "I", "L", "S", "T", "W", "X"], entity.Properties.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unsupported_property_types_are_refused_by_name()
    {
        var ex = Assert.Throws<NotSupportedException>(() => TableEntityJson.Serialize(new TableEntity("p", "r") { ["Price"] = 1.5m }));

        Assert.Contains("Price", ex.Message, StringComparison.Ordinal);
    }
}
