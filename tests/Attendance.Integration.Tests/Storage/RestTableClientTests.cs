using Attendance.Testing;
using Azure;
using Xunit;

namespace Attendance.Storage;

public sealed class RestTableClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_an_existing_table_is_not_an_error()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);

        await table.CreateIfNotExistsAsync(Ct);
    }

    [Fact]
    public async Task Inserted_entity_reads_back_with_its_property_types()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        var when = new DateTimeOffset(2026, 11, 21, 8, 30, 15, 123, TimeSpan.FromHours(7));
        var id = Guid.NewGuid();
        var entity = new TableEntity("event-1", "participant-1")
        {
            ["Name"] = "Siti Aminah",
            ["Day"] = 3,
            ["Sequence"] = 9_007_199_254_740_993L,
            ["Score"] = 2.0,
            ["Ratio"] = 0.25,
            ["Present"] = true,
            ["SubmittedAt"] = when,
            ["SubmissionId"] = id,
            ["Missing"] = null,
        };

        var etag = await table.InsertAsync(entity, Ct);
        var read = await table.GetAsync("event-1", "participant-1", Ct);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Siti Aminah", read["Name"]);
        Assert.Equal(3, read["Day"]);
        Assert.Equal(9_007_199_254_740_993L, read["Sequence"]);
        Assert.Equal(2.0, read["Score"]);
        Assert.Equal(0.25, read["Ratio"]);
        Assert.Equal(true, read["Present"]);
        Assert.Equal(when, read.GetDateTimeOffset("SubmittedAt"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("SubmittedAt")!.Value.Offset);
        Assert.Equal(id, read["SubmissionId"]);
        Assert.False(read.Properties.ContainsKey("Missing"));
    }

    [Fact]
    public async Task Reading_an_absent_entity_gives_null()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);

        Assert.Null(await table.GetAsync("nobody", "nothing", Ct));
    }

    [Fact]
    public async Task Inserting_existing_keys_fails_with_409()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        await table.InsertAsync(new TableEntity("p", "r") { ["N"] = 1 }, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.InsertAsync(new TableEntity("p", "r") { ["N"] = 2 }, Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(1, (await table.GetAsync("p", "r", Ct))!["N"]);
    }

    [Fact]
    public async Task Upsert_inserts_then_replaces_the_whole_entity()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);

        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "first", ["B"] = "only in first" }, Ct);
        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "second" }, Ct);

        var read = await table.GetAsync("p", "r", Ct);
        Assert.Equal("second", read!["A"]);
        Assert.False(read.Properties.ContainsKey("B"));
    }

    [Fact]
    public async Task Replace_succeeds_with_the_current_etag_and_fails_with_412_on_a_stale_one()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);

        var second = await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = 2 }, first, Ct);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = 3 }, first, Ct));

        Assert.NotEqual(first, second);
        Assert.Equal(412, ex.Status);
        Assert.Equal(2, (await table.GetAsync("p", "r", Ct))!["V"]);
    }

    [Fact]
    public async Task Delete_removes_an_entity_ignores_an_absent_one_and_respects_the_etag()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        var stale = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteAsync("p", "r", stale, Ct));
        Assert.Equal(412, ex.Status);

        await table.DeleteAsync("p", "r", cancellationToken: Ct);
        await table.DeleteAsync("p", "r", cancellationToken: Ct);
        Assert.Null(await table.GetAsync("p", "r", Ct));
    }

    [Fact]
    public async Task Keys_with_quotes_and_url_characters_round_trip_and_filter_exactly()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        const string partition = "O'Brien & co '' %20+=é;(1)";
        const string row = "x' or PartitionKey ne '";
        await table.UpsertAsync(new TableEntity(partition, row) { ["V"] = 1 }, Ct);
        await table.UpsertAsync(new TableEntity("other", "x") { ["V"] = 2 }, Ct);

        var read = await table.GetAsync(partition, row, Ct);
        var matched = await table.QueryAsync(TableFilter.Equal("PartitionKey", partition), cancellationToken: Ct).ToListAsync(Ct);
        var injected = await table.QueryAsync(TableFilter.Equal("RowKey", "x' or PartitionKey ne '"), cancellationToken: Ct).ToListAsync(Ct);
        await table.DeleteAsync(partition, row, cancellationToken: Ct);

        Assert.Equal(partition, read!.PartitionKey);
        Assert.Equal(row, read.RowKey);
        Assert.Equal(row, Assert.Single(matched).RowKey);
        Assert.Equal(partition, Assert.Single(injected).PartitionKey);
        Assert.Null(await table.GetAsync(partition, row, Ct));
    }

    [Fact]
    public async Task Query_follows_continuations_past_one_thousand_entities_and_selects_columns()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        for (var batch = 0; batch < 12; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Insert,
                    new TableEntity("event", $"{i:D5}") { ["Index"] = (long)i, ["Note"] = "n" }))
                .ToList();
            await table.SubmitTransactionAsync(actions, Ct);
        }

        var all = await table.QueryAsync(TableFilter.Equal("PartitionKey", "event"), cancellationToken: Ct).ToListAsync(Ct);
        var range = await table.QueryAsync(
            TableFilter.And(TableFilter.GreaterThanOrEqual("Index", 1_000L), TableFilter.LessThan("Index", 1_100L)),
            select: ["Index"],
            cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(1_200, all.Count);
        Assert.Equal(Enumerable.Range(0, 1_200).Select(i => $"{i:D5}"), all.Select(e => e.RowKey));
        Assert.Equal(100, range.Count);
        Assert.All(range, e => Assert.False(e.Properties.ContainsKey("Note")));
        Assert.All(range, e => Assert.InRange(e.GetInt64("Index")!.Value, 1_000, 1_099));
    }

    [Fact]
    public async Task A_transaction_applies_all_its_actions()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        var existing = await table.InsertAsync(new TableEntity("p", "replace") { ["V"] = 1 }, Ct);
        await table.InsertAsync(new TableEntity("p", "delete"), Ct);

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Insert, new TableEntity("p", "insert") { ["V"] = 1 }),
            new(TableTransactionActionType.Upsert, new TableEntity("p", "upsert") { ["V"] = 1 }),
            new(TableTransactionActionType.Replace, new TableEntity("p", "replace") { ["V"] = 2 }, existing),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ], Ct);

        var rows = await table.QueryAsync(null, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(["insert", "replace", "upsert"], rows.Select(r => r.RowKey));
        Assert.Equal(2, rows.Single(r => r.RowKey == "replace")["V"]);
    }

    [Fact]
    public async Task A_transaction_whose_second_action_conflicts_applies_nothing_and_names_index_1()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        await table.InsertAsync(new TableEntity("p", "taken"), Ct);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Insert, new TableEntity("p", "new")),
            new(TableTransactionActionType.Insert, new TableEntity("p", "taken")),
            new(TableTransactionActionType.Insert, new TableEntity("p", "newer")),
        ], Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal(1, ex.FailedActionIndex);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Null(await table.GetAsync("p", "new", Ct));
        Assert.Null(await table.GetAsync("p", "newer", Ct));
    }

    [Fact]
    public async Task A_transaction_with_a_stale_etag_fails_with_412_at_its_index()
    {
        var table = await TestStorage.NewTableAsync(azurite, Ct);
        var stale = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, Ct);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Upsert, new TableEntity("p", "other")),
            new(TableTransactionActionType.Upsert, new TableEntity("p", "another")),
            new(TableTransactionActionType.Replace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
        ], Ct));

        Assert.Equal(412, ex.Status);
        Assert.Equal(2, ex.FailedActionIndex);
        Assert.Null(await table.GetAsync("p", "other", Ct));
    }
}
