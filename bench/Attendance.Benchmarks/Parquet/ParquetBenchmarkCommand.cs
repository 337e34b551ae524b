using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attendance.Parquet;

namespace Attendance.Benchmarks.Parquet;

/// <summary>
/// <c>parquet --rows N --out FILE [--csv FILE]</c>: writes N synthetic attendance rows with the product's writer and
/// prints <c>{"rows","seconds","bytes","peakMemoryBytes"}</c>. Rows are generated in batches outside the timed
/// part, so the time is the writer's (UTF-8 encoding, dictionaries, pages, compression, file writes).
/// </summary>
internal sealed class ParquetBenchmarkCommand : Command
{
    private const int BatchRows = 4096;

    private readonly Option<long> _rows = new("--rows") { Description = "Rows to write.", Required = true };
    private readonly Option<FileInfo> _out = new("--out") { Description = "The Parquet file to write.", Required = true };
    private readonly Option<FileInfo?> _csv = new("--csv") { Description = "Also write the same rows as CSV here (for the DuckDB reference run)." };
    private readonly Option<int> _maxDictionaryBytes = new("--max-dictionary-bytes") { Description = "ParquetWriterOptions.MaxDictionaryBytes: how far a repeating column's dictionary may grow.", DefaultValueFactory = _ => new ParquetWriterOptions().MaxDictionaryBytes };
    private readonly Option<ParquetCompression> _compression = new("--compression") { Description = "Page compression.", DefaultValueFactory = _ => ParquetCompression.Snappy };

    public ParquetBenchmarkCommand()
        : base("parquet", "Write N synthetic attendance rows with the Parquet writer and report time, size and peak memory.")
    {
        Options.Add(_rows);
        Options.Add(_out);
        Options.Add(_csv);
        Options.Add(_compression);
        Options.Add(_maxDictionaryBytes);
        SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(_rows),
            parseResult.GetValue(_out)!,
            parseResult.GetValue(_csv),
            new ParquetWriterOptions { Compression = parseResult.GetValue(_compression), MaxDictionaryBytes = parseResult.GetValue(_maxDictionaryBytes) },
            cancellationToken));
    }

    private static async Task<int> RunAsync(long rows, FileInfo output, FileInfo? csv, ParquetWriterOptions options, CancellationToken cancellationToken = default)
    {
        var generator = new AttendanceRowGenerator(Region.LoadRegencies());
        var batch = Enumerable.Range(0, BatchRows).Select(_ => new AttendanceRow()).ToArray();
        await using var csvStream = csv is null ? null : new StreamWriter(csv.FullName, false, new UTF8Encoding(false), 1 << 20);
        var csvWriter = csvStream is null ? null : new AttendanceCsvWriter(csvStream);
        csvWriter?.WriteHeader();

        var timer = new Stopwatch();
        await using (var stream = new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await using var writer = new ParquetFileWriter(stream, AttendanceTable.Schema, options);
            for (long done = 0; done < rows;)
            {
                var count = (int)Math.Min(BatchRows, rows - done);
                for (var i = 0; i < count; i++)
                {
                    generator.Next(batch[i]);
                    csvWriter?.Write(batch[i]);
                }

                timer.Start();
                for (var i = 0; i < count; i++)
                {
                    await AttendanceTable.WriteAsync(writer, batch[i], cancellationToken);
                }

                timer.Stop();
                done += count;
            }

            timer.Start();
            await writer.CompleteAsync(cancellationToken);
            timer.Stop();
        }

        var bytes = new FileInfo(output.FullName).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"rows": {{rows}}, "seconds": {{timer.Elapsed.TotalSeconds:F3}}, "bytes": {{bytes}}, "peakMemoryBytes": {{PeakMemory.Bytes()}}}"""));
        return 0;
    }
}
