namespace Attendance.Integration.Tests.Export;

/// <summary>
/// The tables as an analyst queries them: DuckDB prunes row groups by the Parquet statistics, so a filter on a date or
/// timestamp must count what a full scan counts; every column chunk's statistics (the checkpoint's too) must bound
/// its values; each file's Delta <c>add.stats</c> must bound the file's values, so a Delta engine skipping files by
/// them loses nothing. All read by DuckDB from the files the export wrote to Azurite, never by Parquet.Net.
/// </summary>
public sealed class AnalystFilterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Filters_on_every_date_and_timestamp_count_every_row_and_all_statistics_bound_their_values()
    {
        var clock = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, clock);
        await new LampungReplay().PostAllAsync(api, Ct);
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
        StatisticsAssertions.ChunksBounded(files);
        StatisticsAssertions.FiltersCountEveryRow(files, ["session_date", "check_in_at", "received_at"]);
        StatisticsAssertions.DeltaStatisticsBound(attendance, files, ["event_id", "session_date", "province_code", "regency_code", "check_in_at", "received_at", "source"]);

        // Statistics are there to be used: every date and timestamp chunk with values has both bounds.
        Assert.All(files.Chunks.Where(c => c.Path is "session_date" or "check_in_at" or "received_at" && c.Present > 0),
            c => Assert.True(c.StatsMin is not null && c.StatsMax is not null, $"{c} has no bounds"));

        // The checkpoint is a Parquet file readers prune too.
        Assert.NotNull(checkpoint);
        StatisticsAssertions.ChunksBounded(checkpoint);

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
            StatisticsAssertions.ChunksBounded(check);
            StatisticsAssertions.FiltersCountEveryRow(check, filtered);
            StatisticsAssertions.DeltaStatisticsBound(read, check, skipping);
        }
    }
}
