using System.Reflection;

namespace Attendance.Parquet;

/// <summary>
/// Sizes and codec of the files <see cref="ParquetFileWriter"/> writes. Memory is bounded by one row group's
/// encoded pages: about <see cref="RowGroupBytes"/> plus one open page per column.
/// </summary>
public sealed class ParquetWriterOptions
{
    /// <summary>
    /// Rows per row group; a row group is written when it reaches this many rows or <see cref="RowGroupBytes"/>.
    /// Default 1,048,576, the row-group size of arrow-rs and within the 1M-8M rows Fabric's Direct Lake prefers.
    /// </summary>
    public int RowGroupRows { get; set; } = 1_048_576;

    /// <summary>
    /// Encoded bytes (compressed pages, the open pages and dictionaries) after which a row group is written even
    /// if it has fewer than <see cref="RowGroupRows"/> rows; this is what bounds memory. Default 128 MiB.
    /// </summary>
    public long RowGroupBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed bytes of values after which a data page is closed. Default 1 MiB.</summary>
    public int PageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Values (nulls included) after which a data page is closed whatever its size, which bounds the level and
    /// index buffers of a column whose values are small or null. Default 131,072 (1 MiB of INT64 values).
    /// </summary>
    public int PageRows { get; set; } = 131_072;

    /// <summary>
    /// Bytes of distinct values (PLAIN-encoded) a string column's dictionary holds in one row group before it must
    /// justify itself: past this size it keeps growing only while values repeat on average at least twice per
    /// entry, and never beyond <see cref="MaxDictionaryBytes"/>. When a new value breaks that rule, the page is
    /// closed and the rest of the column chunk is written PLAIN. Default 1 MiB (the limit of parquet-java and
    /// arrow-rs). Zero disables dictionary encoding.
    /// </summary>
    public int DictionaryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The most a repeating string column's dictionary may hold in one row group; at least
    /// <see cref="DictionaryBytes"/> (equal means no growth past it). Default 16 MiB: a participant's key and name
    /// repeat on each day of a training, and keeping them in a dictionary makes the attendance file about a fifth
    /// smaller, for some CPU and up to this much memory per such column (docs/benchmarks.md).
    /// </summary>
    public int MaxDictionaryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Page compression. Default <see cref="ParquetCompression.Snappy"/>.</summary>
    public ParquetCompression Compression { get; set; } = ParquetCompression.Snappy;

    /// <summary>
    /// The footer's created_by, in the "name version x.y.z (build h)" form parquet-java parses (it ignores string
    /// statistics when it cannot). Default <see cref="DefaultCreatedBy"/>.
    /// </summary>
    public string CreatedBy { get; set; } = DefaultCreatedBy;

    /// <summary>
    /// "attendance-analytics version 0.1.0 (build h)" from this assembly's product, version and source revision;
    /// the build is "dev" when the build carried no commit hash.
    /// </summary>
    public static string DefaultCreatedBy { get; } = DescribeBuild(typeof(ParquetWriterOptions).Assembly);

    internal void Validate()
    {
        Positive(RowGroupRows, nameof(RowGroupRows));
        Positive(RowGroupBytes, nameof(RowGroupBytes));
        Positive(PageBytes, nameof(PageBytes));
        Positive(PageRows, nameof(PageRows));
        ArgumentOutOfRangeException.ThrowIfNegative(DictionaryBytes, nameof(DictionaryBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDictionaryBytes, DictionaryBytes, nameof(MaxDictionaryBytes));
        if (!Enum.IsDefined(Compression))
        {
            throw new ArgumentOutOfRangeException(nameof(Compression), Compression, "Unknown compression.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(CreatedBy, nameof(CreatedBy));

        static void Positive(long value, string name) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
    }

    private static string DescribeBuild(Assembly assembly)
    {
        var product = assembly.GetCustomAttribute<AssemblyProductAttribute>()?.Product ?? "attendance-analytics";
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var revision = plus < 0 ? string.Empty : informational[(plus + 1)..];
        var build = revision.Length >= 7 && revision.All(char.IsAsciiHexDigit) ? revision[..7] : "dev";
        return $"{product} version {version} (build {build})";
    }
}
