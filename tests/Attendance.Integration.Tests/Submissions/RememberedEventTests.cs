using Attendance.Submissions;

namespace Attendance.Integration.Tests.Submissions;

/// <summary>
/// Sign-ins checked against the event as this process remembers it: one storage request each in the common case, and
/// never a wrong answer when another instance saved the event meanwhile, or a save stopped halfway.
/// </summary>
public sealed class RememberedEventTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_sign_in_after_the_first_costs_one_storage_request_and_no_read_of_the_event()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();
        Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync("Peserta 0")).Receipt?.Status);

        var before = instance.Requests.All;
        var eventReadsBefore = instance.Requests.EventReads;
        foreach (var i in Enumerable.Range(1, 5))
        {
            Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync($"Peserta {i}")).Receipt?.Status);
        }

        Assert.Equal(5, instance.Requests.All - before);
        Assert.Equal(eventReadsBefore, instance.Requests.EventReads);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), await instance.StoredSequencesAsync());
    }

    [Fact]
    public async Task Dates_narrowed_by_another_instance_refuse_a_day_the_remembered_copy_would_let_in_and_store_nothing()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();
        await first.SignInAsync("Peserta 0");

        // The first instance remembers 5-8 June; the organizer, through the second, ends the event on the 6th.
        await second.SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 6));
        var outcome = await first.SignInAsync("Peserta 1", day: "2023-06-08");

        Assert.Null(outcome.Receipt);
        Assert.True(outcome.Errors!.Has(SubmissionFields.SessionDate));
        Assert.Equal([1], await first.StoredSequencesAsync());

        // The new dates are remembered from then on: a day inside them is stored, the next one for one request.
        Assert.Equal(ReceiptStatus.Created, (await first.SignInAsync("Peserta 2", day: "2023-06-06")).Receipt?.Status);
        var before = first.Requests.All;
        Assert.Equal(ReceiptStatus.Created, (await first.SignInAsync("Peserta 3", day: "2023-06-06")).Receipt?.Status);
        Assert.Equal(1, first.Requests.All - before);
        Assert.Equal([1, 2, 3], await first.StoredSequencesAsync());
    }

    [Fact]
    public async Task Dates_widened_by_another_instance_let_in_a_day_the_remembered_copy_would_refuse()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();
        await first.SignInAsync("Peserta 0");

        await second.SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 10));
        var outcome = await first.SignInAsync("Peserta 1", day: "2023-06-10");

        Assert.Equal(ReceiptStatus.Created, outcome.Receipt?.Status);
        Assert.Equal([1, 2], await first.StoredSequencesAsync());
    }

    [Fact]
    public async Task A_save_that_stopped_after_the_counter_leaves_sign_ins_reading_the_event_until_the_next_save()
    {
        await using var instance = new SignInInstance(TestSettings.Create(azurite.ConnectionString));
        await instance.RegisterLampungAsync();
        await instance.SignInAsync("Peserta 0");
        await instance.SignInAsync("Peserta 1");

        // A save wrote its new version onto the counter and stopped before the event's row (a crash, an outage).
        await instance.SubmissionsTable.UpdateEntityAsync(
            new Azure.Data.Tables.TableEntity(SignInInstance.EventId, SubmissionRows.CounterKey) { [SubmissionRows.EventVersionProperty] = "never-saved" },
            Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, Ct);

        var eventReads = instance.Requests.EventReads;
        foreach (var i in Enumerable.Range(2, 3))
        {
            Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync($"Peserta {i}")).Receipt?.Status);
        }

        // Nothing vouches for the remembered copy now: every sign-in reads the event, as before versions existed.
        Assert.Equal(eventReads + 3, instance.Requests.EventReads);

        // The next save makes the counter and the event agree again, and the event is remembered again: the first
        // sign-in after it reads the event and meets the counter the save moved, the second reads the counter it
        // could not keep after that race, the third costs one request.
        await instance.SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 8));
        await instance.SignInAsync("Peserta 5");
        await instance.SignInAsync("Peserta 6");
        eventReads = instance.Requests.EventReads;
        var before = instance.Requests.All;
        Assert.Equal(ReceiptStatus.Created, (await instance.SignInAsync("Peserta 7")).Receipt?.Status);
        Assert.Equal(eventReads, instance.Requests.EventReads);
        Assert.Equal(1, instance.Requests.All - before);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), await instance.StoredSequencesAsync());
    }

    [Fact]
    public async Task A_counter_lost_while_the_event_was_saved_elsewhere_takes_the_new_version_from_the_version_row()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();
        await first.SignInAsync("Peserta 0");

        // The counter is gone (a restore, an operator), so the save can only write its version to the version row.
        await first.SubmissionsTable.DeleteEntityAsync(SignInInstance.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);
        await second.SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 6));

        var outside = await first.SignInAsync("Peserta 1", day: "2023-06-08");
        var inside = await first.SignInAsync("Peserta 2", day: "2023-06-06");

        Assert.True(outside.Errors!.Has(SubmissionFields.SessionDate));
        Assert.Equal(ReceiptStatus.Created, inside.Receipt?.Status);
        var counter = await first.SubmissionsTable.GetEntityAsync<Azure.Data.Tables.TableEntity>(SignInInstance.EventId, SubmissionRows.CounterKey, cancellationToken: Ct);
        var version = await first.SubmissionsTable.GetEntityAsync<Azure.Data.Tables.TableEntity>(SignInInstance.EventId, SubmissionRows.EventVersionKey, cancellationToken: Ct);
        Assert.Equal(version.Value.GetString(SubmissionRows.EventVersionProperty), counter.Value.GetString(SubmissionRows.EventVersionProperty));
        Assert.Equal([1, 2], await first.StoredSequencesAsync());
    }

    [Fact]
    public async Task Saves_during_bursts_on_two_instances_lose_no_sign_in_and_number_every_one_once()
    {
        var settings = TestSettings.Create(azurite.ConnectionString);
        await using var first = new SignInInstance(settings);
        await using var second = new SignInInstance(settings);
        await first.RegisterLampungAsync();
        await first.SignInAsync("Peserta awal 1");
        await second.SignInAsync("Peserta awal 2");

        var posts = Enumerable.Range(0, 160).Select(i => (i % 2 == 0 ? first : second).SignInAsync($"Peserta {i}", $"form-{i}")).ToList();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await second.SaveLampungAsync(new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 8));
        }

        var outcomes = await Task.WhenAll(posts);

        Assert.All(outcomes, o => Assert.Equal(ReceiptStatus.Created, o.Receipt?.Status));
        Assert.Equal(Enumerable.Range(1, 162).Select(i => (long)i), await first.StoredSequencesAsync());
        Assert.Empty(await first.Store.FindGapsAsync(SignInInstance.EventId, 0, 162, Ct));
        Assert.Equal(162, (await first.Store.CountAsync(SignInInstance.EventId, Ct)).ByDate.Values.Sum());
    }
}
