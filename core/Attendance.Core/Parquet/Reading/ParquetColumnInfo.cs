namespace Attendance.Parquet.Reading;

/// <summary>A leaf column of a flat Parquet file as <see cref="ParquetFileReader"/> sees it.</summary>
/// <param name="Name">The column name as written in the file.</param>
/// <param name="Type">
/// How the reader interprets the column, which decides the <c>Read…</c> method to call; null when it cannot read it
/// (e.g. INT96, FLOAT, DECIMAL, unsigned integers, binary without a text annotation).
/// </param>
/// <param name="IsRequired">True for REQUIRED (no nulls), false for OPTIONAL.</param>
/// <param name="PhysicalType">The parquet.thrift physical type: "BOOLEAN", "INT32", "INT64", "DOUBLE", "BYTE_ARRAY", …</param>
/// <param name="LogicalType">
/// The logical type, e.g. "STRING", "DATE", "TIMESTAMP(MICROS, UTC)", "TIMESTAMP(MILLIS, local)", "INTEGER(16, signed)",
/// or the legacy converted type when only that is present (e.g. "UTF8", "TIMESTAMP_MILLIS"); null when unannotated.
/// </param>
public sealed record ParquetColumnInfo(string Name, ParquetColumnType? Type, bool IsRequired, string PhysicalType, string? LogicalType);
