using System.Diagnostics;
using Attendance.Testing;
using Azure;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Attendance.Storage;

public sealed class RestAttendanceStorageTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ping_answers_when_both_services_are_up()
    {
        await TestStorage.Create(azurite).PingAsync(Ct);
    }

    [Fact]
    public async Task Ping_fails_fast_while_the_emulator_is_down_and_data_survives_its_restart()
    {
        // This test stops its emulator, so it owns one instead of sharing the assembly's.
        await using var own = new AzuriteFixture();
        await own.InitializeAsync();
        // Default retries (3, from 0.8 s): a ping that honoured them would take seconds.
        var storage = new RestAttendanceStorage(new StorageOptions { ConnectionString = own.ConnectionString });
        var table = storage.GetTable(StorageNames.Table());
        var container = storage.GetContainer(StorageNames.Container());
        await table.CreateIfNotExistsAsync(Ct);
        await container.CreateIfNotExistsAsync(Ct);
        await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        await container.UploadAsync("kept.json", "{}"u8.ToArray(), cancellationToken: Ct);

        await own.StopAsync(Ct);
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => storage.PingAsync(Ct));
        clock.Stop();

        await own.StartAsync(Ct);
        await storage.PingAsync(Ct);

        Assert.Equal(0, ex.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Ping took {clock.Elapsed} with the emulator down.");
        Assert.Equal(1, (await table.GetAsync("p", "r", Ct))!["V"]);
        Assert.NotNull(await container.DownloadAsync("kept.json", Ct));
    }

    [Fact]
    public async Task An_injected_failure_of_one_attempt_is_retried_and_the_operation_succeeds()
    {
        var fault = new FaultInjectionPolicy { FailRequestNumber = 2 };
        var table = TestStorage.Create(azurite, new StoragePipelinePolicy(fault)).GetTable(StorageNames.Table());

        await table.CreateIfNotExistsAsync(Ct);
        await table.InsertAsync(new TableEntity("p", "r"), Ct);

        Assert.Equal(3, fault.RequestsSeen);
        Assert.NotNull(await table.GetAsync("p", "r", Ct));
    }

    [Fact]
    public async Task A_storage_that_keeps_failing_surfaces_one_RequestFailedException_after_the_configured_retries()
    {
        var fault = new FaultInjectionPolicy { FailEveryRequest = true };
        var container = TestStorage.Create(azurite, new StoragePipelinePolicy(fault)).GetContainer(StorageNames.Container());

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync(Ct));

        Assert.Equal(2, fault.RequestsSeen); // MaxRetries = 1 in TestStorage.
        Assert.IsType<AggregateException>(ex.InnerException);
    }

    [Fact]
    public async Task Policies_registered_in_DI_see_every_request_of_the_configured_storage()
    {
        var fault = new FaultInjectionPolicy();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageOptions.SectionName] = azurite.ConnectionString,
                [$"{StorageOptions.SectionName}:maxRetries"] = "0",
            })
            .Build();
        await using var services = new ServiceCollection()
            .AddAttendanceStorage(configuration)
            .AddStoragePipelinePolicy(fault, HttpPipelinePosition.PerCall)
            .BuildServiceProvider();
        var storage = services.GetRequiredService<IAttendanceStorage>();

        await storage.PingAsync(Ct);
        var table = storage.GetTable(StorageNames.Table());
        await table.CreateIfNotExistsAsync(Ct);

        Assert.Same(storage, services.GetRequiredService<IAttendanceStorage>());
        Assert.Equal(3, fault.RequestsSeen);
    }

    [Fact]
    public async Task A_query_past_one_page_sends_the_continuation_it_was_given()
    {
        var fault = new FaultInjectionPolicy();
        var table = TestStorage.Create(azurite, new StoragePipelinePolicy(fault)).GetTable(StorageNames.Table());
        await table.CreateIfNotExistsAsync(Ct);
        for (var batch = 0; batch < 11; batch++)
        {
            await table.SubmitTransactionAsync(
                [.. Enumerable.Range(batch * 100, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Upsert, new TableEntity($"p{batch % 2}", $"{i:D5}")))],
                Ct);
        }

        var count = await table.QueryAsync(null, cancellationToken: Ct).CountAsync(Ct);

        Assert.Equal(1_100, count);
        Assert.Contains(fault.Uris, uri => uri.Contains("NextPartitionKey=", StringComparison.Ordinal));
    }
}
