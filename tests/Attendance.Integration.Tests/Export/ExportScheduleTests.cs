using Attendance.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Attendance.Integration.Tests.Export;

public sealed class ExportScheduleTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_schedule_is_read_as_the_timer_reads_it_with_seconds_first_in_UTC()
    {
        var schedule = ExportSchedule.From(new ExportScheduleOptions());
        Assert.Equal(ExportSchedule.Default, schedule.Expression);
        // 01:00 WIB on 5 June is 18:00 UTC on 4 June; the next run is an hour later: 02:00 WIB.
        var next = schedule.NextAfter(new DateTimeOffset(2023, 6, 5, 1, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(new DateTimeOffset(2023, 6, 5, 2, 0, 0, TimeSpan.FromHours(7)), next);

        var invalid = new ExportScheduleOptions { Expression = "0 19 * * *" };
        Assert.Contains("6-field NCRONTAB", Assert.Throws<InvalidOperationException>(() => ExportSchedule.From(invalid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_server_runs_the_export_on_its_schedule()
    {
        var settings = TestSettings.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["ExportSchedule"] = "*/2 * * * * *" });
        var (app, _) = LocalServer.Build("http://127.0.0.1:0", settings, runSchedule: true);
        await using (app)
        {
            await app.StartAsync(Ct);
            var table = new DeltaTable(
                app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings["Export:Container"]!), AnalyticsTables.RegionsPath);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var snapshot = DeltaSnapshot.Empty;
            while (snapshot.Version < 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, Ct);
                snapshot = await LoadIfPresentAsync(table);
            }

            Assert.Equal(0, snapshot.Version);
            Assert.Single(snapshot.Files);
            await app.StopAsync(Ct);
        }
    }

    private static async Task<DeltaSnapshot> LoadIfPresentAsync(DeltaTable table)
    {
        try
        {
            return await table.LoadAsync(Ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return DeltaSnapshot.Empty;
        }
    }
}
