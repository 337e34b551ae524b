using Attendance.Parquet.Format;

namespace Attendance.Parquet.Reading;

/// <summary>One parquet.thrift <c>SchemaElement</c>: the root, a group, or a leaf column.</summary>
internal sealed record SchemaElement(
    string Name,
    PhysicalType? Type,
    FieldRepetitionType? Repetition,
    int ChildCount,
    ConvertedType? Converted,
    LogicalTypeAnnotation? Logical);
