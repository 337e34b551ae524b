namespace Attendance.Parquet.Reading;

/// <summary>The member of parquet.thrift's <c>LogicalType</c> union; each value is the member's field id.</summary>
internal enum LogicalTypeKind
{
    String = 1,
    Map = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    Time = 7,
    Timestamp = 8,
    Integer = 10,
    Unknown = 11,
    Json = 12,
    Bson = 13,
    Uuid = 14,
    Float16 = 15,
}
