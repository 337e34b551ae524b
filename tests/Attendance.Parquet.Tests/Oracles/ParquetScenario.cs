using Attendance.Parquet;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>A file the oracle tests write and then read with every reader: a schema, options and the rows in .NET values.</summary>
/// <param name="Rows">One array per row, a value or null per column: string, int, long, double, bool, DateOnly or DateTimeOffset.</param>
public sealed record ParquetScenario(string Name, ParquetSchema Schema, ParquetWriterOptions Options, IReadOnlyList<object?[]> Rows)
{
    public override string ToString() => Name;

    /// <summary>Writes the rows through the public API, as the nightly export does.</summary>
    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        await using var writer = new ParquetFileWriter(stream, Schema, Options);
        foreach (var row in Rows)
        {
            for (var column = 0; column < row.Length; column++)
            {
                switch (row[column])
                {
                    case null: writer.WriteNull(column); break;
                    case string text: writer.WriteString(column, text); break;
                    case int number: writer.WriteInt32(column, number); break;
                    case long number: writer.WriteInt64(column, number); break;
                    case double number: writer.WriteDouble(column, number); break;
                    case bool flag: writer.WriteBoolean(column, flag); break;
                    case DateOnly date: writer.WriteDate(column, date); break;
                    case DateTimeOffset instant: writer.WriteTimestamp(column, instant); break;
                    default: throw new ArgumentException($"Unsupported test value {row[column]!.GetType()}.");
                }
            }

            await writer.EndRowAsync(cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
