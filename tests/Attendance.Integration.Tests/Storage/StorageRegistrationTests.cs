using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace Attendance.Storage;

/// <summary>The SDK clients as <c>AddAttendanceStorage</c> registers them, against Azurite.</summary>
public sealed class StorageRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_health_check_answers_when_both_services_are_up()
    {
        using var services = TestStorage.Services(azurite);

        await services.GetRequiredService<StorageHealth>().PingAsync(Ct);
    }

    [Fact]
    public async Task The_health_check_fails_fast_while_the_emulator_is_down_and_data_survives_its_restart()
    {
        // This test stops its emulator, so it owns one instead of sharing the assembly's.
        await using var own = new AzuriteFixture();
        await own.InitializeAsync();
        // Three retries from 0.8 s, the defaults: a health check that honoured them would take seconds.
        using var services = TestStorage.Services(own, maxRetries: 3);
        var health = services.GetRequiredService<StorageHealth>();
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Table());
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Container());
        await table.CreateIfNotExistsAsync(Ct);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        Assert.True(await container.TryCreateAsync("kept.json", BinaryData.FromString("{}"), "application/json", Ct));

        await own.StopAsync(Ct);
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => health.PingAsync(Ct));
        clock.Stop();

        await own.StartAsync(Ct);
        await health.PingAsync(Ct);

        Assert.True(Attendance.Api.ApiGuard.IsStorageOutage(ex, Ct), $"{ex.GetType().Name} is not seen as an outage.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The health check took {clock.Elapsed} with the emulator down.");
        Assert.Equal(1, (await table.FindAsync("p", "r", Ct))!.GetInt32("V"));
        Assert.NotNull(await container.DownloadIfExistsAsync("kept.json", Ct));
    }

    [Fact]
    public async Task The_health_check_makes_one_attempt_where_other_requests_retry()
    {
        var down = new FaultInjectionPolicy { FailEveryRequest = true };
        using var services = TestStorage.Services(azurite, maxRetries: 3, new StoragePipelinePolicy(down));

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<StorageHealth>().PingAsync(Ct));
        var healthAttempts = down.RequestsSeen;
        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Table()).CreateIfNotExistsAsync(Ct));

        Assert.Equal(1, healthAttempts);
        Assert.Equal(1 + 4, down.RequestsSeen);
    }

    [Fact]
    public async Task An_injected_failure_of_one_attempt_is_retried_and_the_operation_succeeds()
    {
        var fault = new FaultInjectionPolicy { FailRequestNumber = 2 };
        using var services = TestStorage.Services(azurite, maxRetries: 1, new StoragePipelinePolicy(fault));
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Table());

        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(new TableEntity("p", "r"), Ct);

        Assert.Equal(3, fault.RequestsSeen);
        Assert.NotNull(await table.FindAsync("p", "r", Ct));
    }

    [Fact]
    public async Task A_storage_that_keeps_failing_gives_up_after_the_configured_retries_as_an_outage()
    {
        var fault = new FaultInjectionPolicy { FailEveryRequest = true };
        using var services = TestStorage.Services(azurite, maxRetries: 2, new StoragePipelinePolicy(fault));
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Container());

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => container.CreateIfNotExistsAsync(cancellationToken: Ct));

        Assert.Equal(3, fault.RequestsSeen);
        Assert.IsType<AggregateException>(ex);
        Assert.True(Attendance.Api.ApiGuard.IsStorageOutage(ex, Ct));
    }

    [Fact]
    public async Task A_per_call_policy_sees_each_operation_once_and_the_clients_are_singletons()
    {
        var counter = new FaultInjectionPolicy();
        using var services = TestStorage.Services(azurite, maxRetries: 0, new StoragePipelinePolicy(counter, HttpPipelinePosition.PerCall));
        var tables = services.GetRequiredService<TableServiceClient>();

        await tables.GetTableClient(StorageNames.Table()).CreateIfNotExistsAsync(Ct);
        await services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Container()).CreateIfNotExistsAsync(cancellationToken: Ct);

        Assert.Same(tables, services.GetRequiredService<TableServiceClient>());
        Assert.Equal(2, counter.RequestsSeen);
    }

    [Fact]
    public async Task A_failed_transaction_applies_nothing_and_names_the_action_that_failed()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        await table.AddEntityAsync(new TableEntity("p", "taken"), Ct);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new")),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
            ],
            Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Null(await table.FindAsync("p", "new", Ct));
    }

    [Fact]
    public async Task A_create_only_blob_is_created_once_and_keeps_the_first_content()
    {
        var container = await TestStorage.NewContainerAsync(azurite, Ct);

        var first = await container.TryCreateAsync("log/00.json", BinaryData.FromString("first"), "application/json", Ct);
        var second = await container.TryCreateAsync("log/00.json", BinaryData.FromString("second"), "application/json", Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("first", (await container.DownloadIfExistsAsync("log/00.json", Ct))!.ToString());
        Assert.Null(await container.DownloadIfExistsAsync("log/01.json", Ct));
    }

    [Fact]
    public async Task Selecting_a_column_does_not_bring_the_keys_along()
    {
        // The SDK's $select returns exactly what is named: a query that needs RowKey must select it.
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);

        var onlyV = await table.QueryAsync<TableEntity>(select: ["V"], cancellationToken: Ct).SingleAsync(Ct);
        var withKey = await table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: Ct).SingleAsync(Ct);

        Assert.Null(onlyV.RowKey);
        Assert.Equal("r", withKey.RowKey);
    }
}
