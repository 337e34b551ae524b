namespace Attendance.Parquet.Reading;

/// <summary>A column's parquet.thrift <c>LogicalType</c>, with the parameters of the members the reader interprets.</summary>
/// <param name="Kind">The union member; an unknown member keeps its field id.</param>
/// <param name="IsAdjustedToUtc">TIMESTAMP: whether values are instants (true) or wall-clock times (false).</param>
/// <param name="Unit">TIMESTAMP: the unit of the value; null when the file names an unknown one.</param>
/// <param name="BitWidth">INTEGER: 8, 16, 32 or 64.</param>
/// <param name="IsSigned">INTEGER: whether the value is signed.</param>
internal sealed record LogicalTypeAnnotation(
    LogicalTypeKind Kind,
    bool IsAdjustedToUtc = false,
    TimeUnit? Unit = null,
    int BitWidth = 0,
    bool IsSigned = true);
