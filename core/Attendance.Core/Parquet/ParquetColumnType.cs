namespace Attendance.Parquet;

/// <summary>The column types the writer supports, each with the physical and logical types Power BI reads best.</summary>
public enum ParquetColumnType
{
    /// <summary>UTF-8 text: BYTE_ARRAY, logical type STRING, converted type UTF8; dictionary-encoded while the dictionary stays small.</summary>
    String,

    /// <summary>A signed 32-bit integer: INT32.</summary>
    Int32,

    /// <summary>A signed 64-bit integer: INT64.</summary>
    Int64,

    /// <summary>An IEEE 754 double: DOUBLE.</summary>
    Double,

    /// <summary>A boolean: BOOLEAN, always PLAIN (RLE booleans broke Power BI Service refreshes).</summary>
    Boolean,

    /// <summary>A calendar date: INT32 days since 1970-01-01, logical type DATE, converted type DATE.</summary>
    Date,

    /// <summary>An instant: INT64 microseconds since the Unix epoch, logical TIMESTAMP(isAdjustedToUTC=true, MICROS), converted TIMESTAMP_MICROS.</summary>
    Timestamp,
}
