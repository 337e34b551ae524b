using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Attendance.Export;
using Attendance.Submissions;

namespace Attendance.Benchmarks.Parquet;

/// <summary>
/// <c>parquet --rows N --out FILE [--csv FILE] [--row-group-rows R]</c>: writes N synthetic attendance rows through
/// the export's own code (<see cref="ParquetFileWriter.WriteAsync{TRow}"/> with the <c>attendance</c> table's
/// definition, Parquet.Net underneath) and prints <c>{"rows","seconds","cpuSeconds","bytes","peakMemoryBytes",...}</c>.
/// Rows stream from a generator as they would from Table Storage; the time and CPU the generator spends are measured
/// on its own and left out, so the figures are the writer's (row buffering, UTF-8, dictionaries, Snappy, file writes).
/// </summary>
internal sealed class ParquetBenchmarkCommand : Command
{
    private readonly Option<long> _rows = new("--rows") { Description = "Rows to write.", Required = true };
    private readonly Option<FileInfo> _out = new("--out") { Description = "The Parquet file to write.", Required = true };
    private readonly Option<FileInfo?> _csv = new("--csv") { Description = "Also write the same rows as CSV here (for the DuckDB reference run)." };
    private readonly Option<int> _rowGroupRows = new("--row-group-rows") { Description = "RowGroupLimits.Rows; the export's default unless given.", DefaultValueFactory = _ => RowGroupLimits.Default.Rows };

    public ParquetBenchmarkCommand()
        : base("parquet", "Write N synthetic attendance rows with the export's Parquet writing code and report time, CPU, size and peak memory.")
    {
        Options.Add(_rows);
        Options.Add(_out);
        Options.Add(_csv);
        Options.Add(_rowGroupRows);
        SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(_rows),
            parseResult.GetValue(_out)!,
            parseResult.GetValue(_csv),
            RowGroupLimits.Default with { Rows = parseResult.GetValue(_rowGroupRows) },
            cancellationToken));
    }

    private static async Task<int> RunAsync(long rows, FileInfo output, FileInfo? csv, RowGroupLimits limits, CancellationToken cancellationToken = default)
    {
        var table = AnalyticsTables.Attendance(includeNames: true);
        var source = new GeneratedRows(new AttendanceRowGenerator(Region.LoadRegencies()), Attendance.Regions.RegionDirectory.Official);
        await using var csvStream = csv is null ? null : new StreamWriter(csv.FullName, false, new UTF8Encoding(false), 1 << 20);
        var csvWriter = csvStream is null ? null : new AttendanceCsvWriter(csvStream, table);
        csvWriter?.WriteHeader();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        long written;
        await using (var stream = new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            written = (await ParquetFileWriter.WriteAsync(stream, table, source.ReadAsync(rows, csvWriter, cancellationToken), limits, progress: null, cancellationToken)).Rows;
        }

        timer.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var bytes = new FileInfo(output.FullName).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"rows": {{written}}, "rowGroupRows": {{limits.Rows}}, "seconds": {{(timer.Elapsed - source.Wall).TotalSeconds:F3}}, "cpuSeconds": {{(cpu - source.Cpu).TotalSeconds:F3}}, "generatorSeconds": {{source.Wall.TotalSeconds:F3}}, "bytes": {{bytes}}, "peakMemoryBytes": {{PeakMemory.Bytes()}}}"""));
        return 0;
    }

    /// <summary>
    /// The generator's rows as the export's <see cref="AttendanceRow"/>s, streamed; measures its own wall and CPU time
    /// (per-thread CPU from /proc/thread-self/schedstat: generation runs synchronously between the writer's awaits).
    /// </summary>
    private sealed class GeneratedRows(AttendanceRowGenerator generator, Attendance.Regions.RegionDirectory regions)
    {
        public TimeSpan Wall { get; private set; }

        public TimeSpan Cpu { get; private set; }

        public async IAsyncEnumerable<AttendanceRow> ReadAsync(long count, AttendanceCsvWriter? csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // Generated in batches so that measuring the generator costs two reads of /proc per batch, not per row.
            const int BatchRows = 4096;
            var row = new GeneratedAttendance();
            var batch = new AttendanceRow[BatchRows];
            for (long done = 0; done < count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = (int)Math.Min(BatchRows, count - done);
                var started = Stopwatch.GetTimestamp();
                var cpuStarted = ThreadCpu();
                for (var i = 0; i < size; i++)
                {
                    generator.Next(row);
                    batch[i] = ToExport(row, done + i);
                    csv?.Write(batch[i]);
                }

                Cpu += ThreadCpu() - cpuStarted;
                Wall += Stopwatch.GetElapsedTime(started);
                for (var i = 0; i < size; i++)
                {
                    yield return batch[i];
                }

                done += size;
            }

            await Task.CompletedTask;
        }

        private AttendanceRow ToExport(GeneratedAttendance row, long sequence) => new(
            new StoredSubmission(sequence + 1, row.SubmissionId, row.ReceivedAt, new AttendanceSubmission
            {
                EventId = row.EventId,
                SessionDate = row.SessionDate,

                // The store never holds an attendance without a name; the generator's 3% nameless rows become "".
                FullName = row.FullName ?? string.Empty,
                Province = regions.Get(row.Region.ProvinceCode),
                Regency = regions.Get(row.Region.RegencyCode),
                Gender = row.Gender,
                Institution = row.Institution,
                InstitutionType = row.InstitutionType,
                Position = row.Position,
                CheckInAt = row.CheckInAt,
                Source = row.Source,
            }),
            row.ParticipantKey);

        private static TimeSpan ThreadCpu()
        {
            // First field: nanoseconds this thread has run on a CPU.
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return TimeSpan.FromTicks(long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture) / 100);
        }
    }
}
