using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attendance.Export;
using Attendance.Integration.Tests.Api;
using Attendance.Testing;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace Attendance.Integration.Tests.Export;

/// <summary>
/// The tables as an analyst queries them: DuckDB prunes row groups by the Parquet statistics, so a filter on a date or
/// timestamp must count what a full scan counts; every column chunk's statistics (the checkpoint's too) must bound
/// its values; each file's Delta <c>add.stats</c> must bound the file's values, so a Delta engine skipping files by
/// them loses nothing. All read by DuckDB from the files the export wrote to Azurite, never by Parquet.Net.
/// </summary>
public sealed class AnalystFilterTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filters_on_every_date_and_timestamp_count_every_row_and_all_statistics_bound_their_values()
    {
        var clock = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, clock);
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        await new LampungReplay().PostAllAsync(api, clock, token, Ct);
        var runner = api.Services.GetRequiredService<ExportRunner>();
        await runner.RunAsync("night", cancellationToken: Ct);

        // Eleven nights of late paper sheets, each received later and with check-in times down to the microsecond:
        // twelve files, and a checkpoint at version 10.
        for (var night = 1; night <= 11; night++)
        {
            clock.Now += TimeSpan.FromHours(22) + TimeSpan.FromTicks(night * 1_234_567);
            for (var i = 0; i < 3; i++)
            {
                var submission = Lampung.Submission($"Peserta Susulan {night}-{i}", day: $"2023-06-0{5 + (i % 4)}");
                if (i > 0)
                {
                    submission["checkInAt"] = $"2023-06-0{5 + (i % 4)}T08:{night:D2}:3{i}.{night * 7919 % 1_000_000:D6}+07:00";
                }

                using var response = await api.Client.PostAsJsonAsync("submissions", submission, Ct);
                response.EnsureSuccessStatusCode();
            }

            await runner.RunAsync("night", cancellationToken: Ct);
        }

        var container = api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(api.Container);
        var (attendance, files, checkpoint) = await DeltaOracle.CheckStatisticsAsync(container, AnalyticsTables.AttendancePath, Ct, partitionColumn: "received_at");
        Assert.Equal(12, attendance.Files.Count);
        AssertChunksBounded(files);
        AssertFiltersCountEveryRow(files, ["session_date", "check_in_at", "received_at"]);
        AssertDeltaStatisticsBound(attendance, files, ["event_id", "session_date", "province_code", "regency_code", "check_in_at", "received_at", "source"]);

        // Statistics are there to be used: every date and timestamp chunk with values has both bounds.
        Assert.All(files.Chunks.Where(c => c.Path is "session_date" or "check_in_at" or "received_at" && c.Present > 0),
            c => Assert.True(c.StatsMin is not null && c.StatsMax is not null, $"{c} has no bounds"));

        // The checkpoint is a Parquet file readers prune too.
        Assert.NotNull(checkpoint);
        AssertChunksBounded(checkpoint);

        // powerbi/delta/attendance-incremental.pq filters each refresh partition as written below: the partitions,
        // pushed down, add up to the table.
        var incremental = await File.ReadAllTextAsync(RepoPaths.Combine("powerbi", "delta", "attendance-incremental.pq"), Ct);
        Assert.Contains("InRange = Table.SelectRows(Typed, each [received_at] >= Since and [received_at] < Until)", incremental, StringComparison.Ordinal);
        Assert.Equal(4, files.Partitions.Count);
        Assert.All(files.Partitions, p => Assert.True(p.Pushed == p.Scanned, $"{p.Sql}: {p.Pushed} pushed down, {p.Scanned} scanned"));
        Assert.Equal(attendance.Rows, files.Partitions.Sum(p => p.Pushed));

        foreach (var (table, filtered, skipping) in new[]
        {
            (AnalyticsTables.EventsPath, new[] { "start_date", "end_date", "updated_at" }, new[] { "event_id", "start_date", "end_date", "province_code", "regency_code", "updated_at" }),
            (AnalyticsTables.RegionsPath, [], ["code", "province_code"]),
        })
        {
            var (read, check, _) = await DeltaOracle.CheckStatisticsAsync(container, table, Ct);
            AssertChunksBounded(check);
            AssertFiltersCountEveryRow(check, filtered);
            AssertDeltaStatisticsBound(read, check, skipping);
        }
    }

    private static void AssertChunksBounded(StatisticsCheck check)
    {
        Assert.NotEmpty(check.Chunks);
        Assert.All(check.Chunks, c => Assert.True(c.Bounded, $"{c}: the statistics do not bound the values"));
    }

    private static void AssertFiltersCountEveryRow(StatisticsCheck check, string[] columns)
    {
        Assert.Equal(columns.Order(), check.Filters.Select(f => f.Column).Distinct().Order());
        foreach (var filter in check.Filters)
        {
            Assert.True(filter.Pushed == filter.Scanned, $"{filter.Sql}: {filter.Pushed} rows pushed down, {filter.Scanned} scanned");
            if (filter.Name is ">= min" or "<= max")
            {
                Assert.True(filter.Pushed == filter.Present, $"{filter.Sql}: {filter.Pushed} rows of {filter.Present}");
            }
        }
    }

    /// <summary>Each live file's add.stats: numRecords exact; nullCount exact and minValues/maxValues bounding, for every column Delta engines skip on.</summary>
    private static void AssertDeltaStatisticsBound(DeltaRead table, StatisticsCheck check, string[] skipping)
    {
        Assert.NotEmpty(table.Files);
        foreach (var file in table.Files)
        {
            using var stats = JsonDocument.Parse(table.FileStats[file] ?? throw new InvalidOperationException($"{file} has no stats"));
            var real = check.FileColumns(Path.GetFileName(file));
            var root = stats.RootElement;
            Assert.Equal(real.Values.First().Rows, root.GetProperty("numRecords").GetInt64());
            Assert.Equal(skipping.Order(), root.GetProperty("nullCount").EnumerateObject().Select(p => p.Name).Order());
            foreach (var column in skipping)
            {
                var values = real[column];
                var where = $"{file} {column}";
                Assert.True(values.Nulls == root.GetProperty("nullCount").GetProperty(column).GetInt64(), $"{where}: nullCount");
                var hasMin = root.GetProperty("minValues").TryGetProperty(column, out var min);
                var hasMax = root.GetProperty("maxValues").TryGetProperty(column, out var max);
                Assert.True(hasMin == (values.Min is not null) && hasMax == (values.Max is not null), $"{where}: bounds present for a column with values, absent for one of nulls");
                if (values.Min is not null)
                {
                    if (values.Type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
                    {
                        // The protocol's form: ISO-8601 in UTC, to the millisecond.
                        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", min.GetString());
                        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", max.GetString());
                    }

                    Assert.True(Compare(values.Type, min, values.Min) <= 0, $"{where}: minValues {min} above the least value {values.Min}");
                    Assert.True(Compare(values.Type, max, values.Max!) >= 0, $"{where}: maxValues {max} below the greatest value {values.Max}");
                }
            }
        }
    }

    /// <summary>Orders a Delta statistic against a real value given in the oracle's canonical form.</summary>
    private static int Compare(string type, JsonElement statistic, string real) => type switch
    {
        "DATE" => (DateOnly.ParseExact(statistic.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)
            .CompareTo(int.Parse(real, CultureInfo.InvariantCulture)),
        _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) =>
            ((DateTimeOffset.Parse(statistic.GetString()!, CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10)
            .CompareTo(long.Parse(real, CultureInfo.InvariantCulture)),
        "VARCHAR" => Encoding.UTF8.GetBytes(statistic.GetString()!).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(real)),
        _ => throw new InvalidOperationException($"No comparison for {type}."),
    };
}
