using Attendance.Submissions;

namespace Attendance.Integration.Tests.Submissions;

public sealed class GroupCommitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concurrent_sign_ins_to_one_event_share_transactions_and_each_gets_its_own_receipt()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();
        foreach (var i in Enumerable.Range(0, 5))
        {
            Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync($"Terdaftar {i}", $"pre-{i}")).Receipt?.Status);
        }

        // Each transaction is held back, so callers arriving meanwhile must queue for a shared one.
        instance.Requests.TransactionDelay = TimeSpan.FromMilliseconds(100);
        var transactionsBefore = instance.Requests.Transactions;
        var fresh = Enumerable.Range(0, 40).Select(i => instance.SignInAsync($"Peserta {i}", $"new-{i}"));
        var repeats = Enumerable.Range(0, 5).Select(i => instance.SignInAsync($"Terdaftar {i}", $"pre-{i}"));
        var conflicts = Enumerable.Range(0, 5).Select(i => instance.SignInAsync($"Orang Lain {i}", $"pre-{i}"));
        var doubleTaps = Enumerable.Range(0, 5).Select(_ => instance.SignInAsync("Double Tap"));
        var invalid = Enumerable.Range(0, 5).Select(i => instance.SignInAsync($"Salah Hari {i}", day: "2023-07-01"));
        var outcomes = await Task.WhenAll(fresh.Concat(repeats).Concat(conflicts).Concat(doubleTaps).Concat(invalid));

        Assert.All(outcomes[..40], o => Assert.Equal(ReceiptStatus.Created, o.Receipt?.Status));
        Assert.All(outcomes[40..45], o => Assert.Equal(ReceiptStatus.Duplicate, o.Receipt?.Status));
        Assert.All(outcomes[45..50], o => Assert.Equal(ReceiptStatus.Conflict, o.Receipt?.Status));
        Assert.Equal(1, outcomes[50..55].Count(o => o.Receipt?.Status == ReceiptStatus.Created));
        Assert.Equal(4, outcomes[50..55].Count(o => o.Receipt?.Status == ReceiptStatus.Duplicate));
        Assert.Single(outcomes[50..55].Select(o => o.Receipt!.SubmissionId).Distinct());
        Assert.All(outcomes[55..], o => Assert.True(o.Receipt is null && o.Errors!.Has(SubmissionFields.SessionDate)));
        Assert.Equal(
            Enumerable.Range(40, 5).Select(i => $"pre-{i - 40}"),
            outcomes[40..45].Select(o => o.Receipt!.SubmissionId));

        // 41 new attendances in far fewer transactions than sign-ins, each stored once, numbered 6..46 without a gap.
        Assert.True(instance.Requests.Transactions - transactionsBefore < 20, $"{instance.Requests.Transactions - transactionsBefore} transactions");
        Assert.Equal(Enumerable.Range(1, 46).Select(i => (long)i), await instance.StoredSequencesAsync());
        Assert.Equal(46, await instance.Store.GetLastSequenceAsync(SignInInstance.EventId, Ct));
        Assert.Equal(46, (await instance.Store.CountAsync(SignInInstance.EventId, Ct)).ByDate.Values.Sum());
    }

    [Fact]
    public async Task Sign_ins_after_the_first_read_no_counter_the_process_committed_itself()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();

        foreach (var i in Enumerable.Range(0, 6))
        {
            Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync($"Peserta {i}")).Receipt?.Status);
        }

        // The first finds no counter; the other five carry the counter the process committed, one transaction each.
        Assert.Equal(1, instance.Requests.CounterReads);
        Assert.Equal(6, instance.Requests.Transactions);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), await instance.StoredSequencesAsync());
    }

    [Fact]
    public async Task A_counter_moved_by_another_instance_costs_a_read_and_a_retry_never_a_number()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();

        await first.SignInAsync("Peserta 1");
        await second.SignInAsync("Peserta 2");
        var readsBefore = first.Requests.CounterReads;
        var outcome = await first.SignInAsync("Peserta 3");

        Assert.Equal(ReceiptStatus.Created, outcome.Receipt?.Status);
        Assert.Equal(readsBefore + 1, first.Requests.CounterReads);
        Assert.Equal([1, 2, 3], await first.StoredSequencesAsync());
    }

    [Fact]
    public async Task A_counter_deleted_while_this_process_kept_it_resumes_after_the_highest_stored_number()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();
        foreach (var i in Enumerable.Range(0, 3))
        {
            await instance.SignInAsync($"Peserta {i}");
        }

        await instance.SubmissionsTable.DeleteEntityAsync(SignInInstance.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);
        var outcome = await instance.SignInAsync("Budi Santoso");

        Assert.Equal(ReceiptStatus.Created, outcome.Receipt?.Status);
        Assert.Equal([1, 2, 3, 4], await instance.StoredSequencesAsync());
        var resumption = await instance.Store.GetResumptionAsync(SignInInstance.EventId, Ct);
        Assert.Equal(3, resumption?.After);
    }

    [Fact]
    public async Task Two_instances_on_one_storage_store_every_sign_in_of_concurrent_bursts_once_without_gaps()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();

        // Every sign-in is sent to both instances at once, as a client that retries against another server would.
        var posts = Enumerable.Range(0, 120).SelectMany(i => new[]
        {
            first.SignInAsync($"Peserta {i}", $"form-{i}"),
            second.SignInAsync($"Peserta {i}", $"form-{i}"),
        });
        var outcomes = await Task.WhenAll(posts);

        foreach (var pair in outcomes.Chunk(2))
        {
            Assert.Equal(
                [ReceiptStatus.Created, ReceiptStatus.Duplicate],
                pair.Select(o => o.Receipt!.Status).Order());
            Assert.Equal(pair[0].Receipt!.SubmissionId, pair[1].Receipt!.SubmissionId);
        }

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), await first.StoredSequencesAsync());
        Assert.Empty(await first.Store.FindGapsAsync(SignInInstance.EventId, 0, 120, Ct));
        Assert.Equal(120, await second.Store.GetLastSequenceAsync(SignInInstance.EventId, Ct));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_transaction_others_share()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();
        await instance.SignInAsync("Peserta 0");
        instance.Requests.TransactionDelay = TimeSpan.FromMilliseconds(300);

        var leading = instance.SignInAsync("Peserta 1");
        using var givesUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var leaving = instance.SignInUntilAsync(givesUp.Token, "Peserta 2", "leaving-1");
        var staying = instance.SignInAsync("Peserta 3", "staying-1");
        await Task.Delay(100, Ct);
        await givesUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(ReceiptStatus.Created, (await leading).Receipt?.Status);
        Assert.Equal(ReceiptStatus.Created, (await staying).Receipt?.Status);
        var stored = await instance.StoredSequencesAsync();
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored);
        Assert.Equal(ReceiptStatus.Duplicate, (await instance.SignInAsync("Peserta 3", "staying-1")).Receipt?.Status);
    }
}
