namespace Attendance.Parquet.Reading;

/// <summary>The parts of parquet.thrift <c>FileMetaData</c> the reader uses.</summary>
internal sealed record FileMetadata(IReadOnlyList<SchemaElement> Schema, long RowCount, IReadOnlyList<RowGroupInfo> RowGroups, string? CreatedBy);
