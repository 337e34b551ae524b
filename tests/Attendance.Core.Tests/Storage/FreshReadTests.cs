
namespace Attendance.Storage;

public sealed class FreshReadTests
{
    [Fact]
    public async Task Callers_arriving_while_a_read_is_in_flight_share_the_next_read_never_the_one_already_sent()
    {
        var reads = new Reads();
        var shared = new FreshRead<int>(reads.ReadAsync, _ => { });

        var first = shared.JoinAsync(Ct);
        await reads.SentAsync(1);
        var second = shared.JoinAsync(Ct);
        var third = shared.JoinAsync(Ct);
        reads.Answer();
        Assert.Equal(1, await first);

        await reads.SentAsync(2);
        Assert.False(second.IsCompleted);
        reads.Answer();

        Assert.Equal(2, await second);
        Assert.Equal(2, await third);
        Assert.Equal(2, reads.Sent);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_for_the_others_and_the_idle_instance_says_so()
    {
        var reads = new Reads();
        var idle = 0;
        var shared = new FreshRead<int>(reads.ReadAsync, _ => Interlocked.Increment(ref idle));
        using var givesUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var leaving = shared.JoinAsync(givesUp.Token);
        var staying = shared.JoinAsync(Ct);
        await reads.SentAsync(1);
        await givesUp.CancelAsync();
        reads.Answer();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(1, await staying);
        await WaitUntilAsync(() => Volatile.Read(ref idle) == 1);
        Assert.Equal(1, reads.Sent);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_only_and_the_next_call_reads_again()
    {
        var reads = new Reads { FailNext = true };
        var shared = new FreshRead<int>(reads.ReadAsync, _ => { });

        var failing = shared.JoinAsync(Ct);
        await reads.SentAsync(1);
        reads.Answer();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var next = shared.JoinAsync(Ct);
        await reads.SentAsync(2);
        reads.Answer();
        Assert.Equal(2, await next);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition());
    }

    /// <summary>A read that numbers itself and waits until the test answers it.</summary>
    private sealed class Reads
    {
        private readonly SemaphoreSlim answers = new(0);
        private int sent;

        public bool FailNext { get; set; }

        public int Sent => Volatile.Read(ref sent);

        public async Task<int> ReadAsync()
        {
            var number = Interlocked.Increment(ref sent);
            await answers.WaitAsync(Ct);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("storage down");
            }

            return number;
        }

        public void Answer() => answers.Release();

        public Task SentAsync(int count) => WaitUntilAsync(() => Sent >= count);
    }
}
