using Parquet;
using Parquet.Schema;

namespace Attendance.Export;

/// <summary>
/// One column's values for the row group being filled. Parquet.Net writes a row group column by column from
/// whole arrays, so the export collects each row's values here and hands them over when the group is full.
/// </summary>
internal abstract class ColumnBuffer<TRow>
{
    /// <summary>Stores <paramref name="row"/>'s value at <paramref name="index"/>; returns the bytes of variable-size data it holds.</summary>
    public abstract long Add(int index, TRow row);

    /// <summary>Writes the first <paramref name="count"/> values as the group's column chunk; returns their statistics.</summary>
    public abstract Task<ColumnStatistics> WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken);
}

/// <summary>
/// Values of type <typeparamref name="T"/>, null where the row has none, ordered by <c>compare</c> (the column's own
/// order, which its statistics follow) and given to <see cref="ColumnStatistics"/> as <c>statisticsValue</c> makes
/// them (a string for text).
/// </summary>
internal sealed class ColumnBuffer<TRow, T>(
    string name, bool nullable, int capacity, Func<TRow, T?> read, Func<T, int> variableBytes, Comparison<T> compare, Func<T, object> statisticsValue)
    : ColumnBuffer<TRow>
    where T : struct
{
    private readonly T?[] _values = new T?[capacity];

    public override long Add(int index, TRow row)
    {
        var value = read(row);
        if (value is { } present)
        {
            _values[index] = present;
            return variableBytes(present);
        }

        // Parquet.Net would drop the null of a required column and write a chunk with fewer values than rows.
        if (!nullable)
        {
            throw new InvalidDataException($"The required column '{name}' has no value in row {index} of its row group.");
        }

        _values[index] = null;
        return 0;
    }

    public override async Task<ColumnStatistics> WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken)
    {
        var statistics = Statistics(count);
        await writer.WriteAsync(field, new ReadOnlyMemory<T?>(_values, 0, count), cancellationToken: cancellationToken);

        // Drop references to the group's strings now rather than when the next group overwrites them.
        Array.Clear(_values, 0, count);
        return statistics;
    }

    private ColumnStatistics Statistics(int count)
    {
        long nulls = 0;
        T? min = null, max = null;
        for (var i = 0; i < count; i++)
        {
            if (_values[i] is not { } value)
            {
                nulls++;
                continue;
            }

            if (min is not { } least || compare(value, least) < 0)
            {
                min = value;
            }

            if (max is not { } greatest || compare(value, greatest) > 0)
            {
                max = value;
            }
        }

        return new ColumnStatistics(nulls, min is { } lo ? statisticsValue(lo) : null, max is { } hi ? statisticsValue(hi) : null);
    }
}
