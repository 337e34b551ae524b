namespace Attendance.Export;

/// <summary>
/// The value types an exported column can have. Each has exactly one Parquet form (see <see cref="ExportColumn{TRow}"/>)
/// and one Delta type, so the files, the Delta schema and docs/powerbi.md cannot disagree.
/// </summary>
public enum ExportColumnType
{
    /// <summary>UTF-8 text: BYTE_ARRAY, logical STRING (converted UTF8); Delta <c>string</c>.</summary>
    String,

    /// <summary>A signed 32-bit integer: INT32, logical INTEGER(32, signed) (converted INT_32); Delta <c>integer</c>.</summary>
    Int32,

    /// <summary>A calendar day: INT32, logical DATE (converted DATE); Delta <c>date</c>.</summary>
    Date,

    /// <summary>An instant: INT64, logical TIMESTAMP(isAdjustedToUTC=true, MICROS); Delta <c>timestamp</c>.</summary>
    Timestamp,
}
