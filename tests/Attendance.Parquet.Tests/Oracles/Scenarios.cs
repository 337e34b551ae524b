using System.Text;
using Attendance.Parquet;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>The files every reader must read back exactly: the edge cases of the issue, each in its own file.</summary>
public static class Scenarios
{
    public static readonly ParquetSchema AllTypes = new(
        ParquetColumn.Required("name", ParquetColumnType.String),
        ParquetColumn.Optional("nickname", ParquetColumnType.String),
        ParquetColumn.Optional("count", ParquetColumnType.Int32),
        ParquetColumn.Required("total", ParquetColumnType.Int64),
        ParquetColumn.Optional("score", ParquetColumnType.Double),
        ParquetColumn.Optional("present", ParquetColumnType.Boolean),
        ParquetColumn.Required("day", ParquetColumnType.Date),
        ParquetColumn.Optional("at", ParquetColumnType.Timestamp));

    /// <summary>Indonesian names with apostrophes and diacritics, emoji, other scripts, and bytes above 0x7F that sort after ASCII only when compared unsigned.</summary>
    public static readonly string[] NonAsciiNames =
    [
        "Nur'aini Siregar", "Ma'ruf Amin", "Ni Luh Putu Ayu 🙏", "I Gusti Ngurah Rai", "Zoë Ñandú", "Éva d'Ávila",
        "Dra. Sri Mulyani, M.Pd.", "Tjut Nja' Dhien", "日本語の名前", "👩‍👩‍👧 keluarga", "", "Ahmad \"Acong\" Suharto",
        "zulkifli", "Ω omega", "Yusuf Qardhawi", "\u00a0leading nbsp",
    ];

    private static readonly string[] Cycle = ["Aceh", "Sumatera Utara", "Jawa Barat", "Bali", "Papua", "Maluku", "Kalimantan Timur", "Sulawesi Selatan", "Nusa Tenggara Timur", "DKI Jakarta"];

    // Declared after the arrays it reads: static initializers run in textual order.
    public static IReadOnlyList<ParquetScenario> All { get; } =
    [
        new("zero-rows", AllTypes, new ParquetWriterOptions(), []),
        new("one-row", AllTypes, new ParquetWriterOptions(), [MixedRow(7)]),
        new("all-null-columns", AllTypes, new ParquetWriterOptions(), [.. Enumerable.Range(0, 40).Select(i => (object?[])[$"p{i}", null, null, (long)i, null, null, new DateOnly(2024, 5, 1), null])]),
        new("non-ascii-text", AllTypes, new ParquetWriterOptions(), [.. NonAsciiNames.Select((name, i) => (object?[])[name, NonAsciiNames[^(i + 1)], i, (long)i, i / 3.0, i % 2 == 0, new DateOnly(2024, 5, 1).AddDays(i), Instant(i)])]),
        new("long-strings", AllTypes, new ParquetWriterOptions(), [.. Enumerable.Range(0, 24).Select(LongStringRow)]),
        new("many-row-groups", AllTypes, new ParquetWriterOptions { RowGroupRows = 1000, PageRows = 300, PageBytes = 4096 }, [.. Enumerable.Range(0, 10_500).Select(MixedRow)]),
        new("dictionary-fallback", AllTypes, new ParquetWriterOptions { DictionaryBytes = 2048, MaxDictionaryBytes = 16 * 2048, Compression = ParquetCompression.None }, [.. Enumerable.Range(0, 8000).Select(FallbackRow)]),
        new("row-group-byte-budget", AllTypes, new ParquetWriterOptions { RowGroupBytes = 48 * 1024, Compression = ParquetCompression.None }, [.. Enumerable.Range(0, 3000).Select(FallbackRow)]),
        new("gzip", AllTypes, new ParquetWriterOptions { Compression = ParquetCompression.Gzip }, [.. Enumerable.Range(0, 2000).Select(MixedRow)]),
        new("uncompressed", AllTypes, new ParquetWriterOptions { Compression = ParquetCompression.None }, [.. Enumerable.Range(0, 2000).Select(MixedRow)]),
        new("edge-values", AllTypes, new ParquetWriterOptions(), EdgeRows),
    ];

    private static object?[] MixedRow(int i) =>
    [
        $"peserta-{i:D6}",
        i % 7 == 0 ? null : Cycle[i % Cycle.Length],
        i % 5 == 0 ? null : (i * 37) - 5000,
        ((long)i * 1_000_003) - 7_000_000_000,
        i % 11 == 0 ? null : i * 0.25 - 100,
        i % 13 == 0 ? null : i % 3 == 0,
        new DateOnly(2023, 1, 1).AddDays(i % 400),
        i % 17 == 0 ? null : Instant(i),
    ];

    private static object?[] LongStringRow(int i)
    {
        // 64 KiB: ASCII rows are 65,536 bytes, the 'é' rows 65,536 bytes in 32,768 characters.
        var text = i % 2 == 0
            ? new string((char)('a' + (i % 26)), 65_536 - 6) + $"{i:D6}"
            : new string('é', 32_765) + $"{i:D6}";
        return [text, i % 3 == 0 ? null : text[..1000], i, (long)i, null, true, new DateOnly(2024, 1, 1), Instant(i)];
    }

    private static object?[] FallbackRow(int i) =>
    [
        $"{Hash(i)}-{Hash(i + 1)}",
        i % 9 == 0 ? null : $"ulang-{i / 3:D5}",
        i,
        (long)i,
        i * 1.5,
        i % 2 == 0,
        new DateOnly(2024, 1, 1).AddDays(i % 30),
        Instant(i),
    ];

    private static IReadOnlyList<object?[]> EdgeRows =>
    [
        ["min", "x", int.MinValue, long.MinValue, double.NaN, false, new DateOnly(1900, 1, 1), new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999)],
        ["max", "y", int.MaxValue, long.MaxValue, -0.0, true, new DateOnly(9999, 12, 31), new DateTimeOffset(2262, 4, 11, 23, 47, 16, TimeSpan.Zero)],
        ["zero", null, 0, 0L, 0.0, null, new DateOnly(1970, 1, 1), DateTimeOffset.UnixEpoch],
        ["tz", "z", -1, -1L, double.MaxValue, false, new DateOnly(1969, 12, 31), new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(7)).AddTicks(1234)],
        ["inf", "w", 1, 1L, double.NegativeInfinity, true, new DateOnly(2000, 2, 29), null],
    ];

    private static DateTimeOffset Instant(int i) =>
        new DateTimeOffset(2024, 5, 1, 1, 0, 0, TimeSpan.Zero).AddSeconds(i * 61.5).AddTicks(i % 10);

    private static string Hash(int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))[..24];
}
