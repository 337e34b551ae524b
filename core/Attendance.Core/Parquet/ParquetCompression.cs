namespace Attendance.Parquet;

/// <summary>How each page body is compressed.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy raw block format (not framed), the codec Parquet calls SNAPPY: fast, and what Power BI and Fabric expect.</summary>
    Snappy,

    /// <summary>GZIP (RFC 1952), one member per page: smaller and slower.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}
