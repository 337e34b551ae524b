using Attendance.Benchmarks.Load;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;
using Attendance.Testing;

namespace Attendance.Benchmarks.Years;

/// <summary>
/// What one night brings, shaped like the product's real life: a new training every week (48 participants, 5 days,
/// each participant missing about one day in ten, so 4-5 days each), entered on the day it happens; every 10th night
/// two late paper-sheet submissions for trainings at least a month old (days people had missed); every 45th night an
/// edit of a recent event (the events table commits).
/// </summary>
internal sealed class YearsWorkload(EventStore events, SubmissionIntake intake, RegionDirectory regions, ManualTime clock)
{
    private readonly Participants participants = new(regions);
    private readonly Queue<(int Event, int Participant, DateOnly Day)> missed = new();
    private readonly List<(int Number, DateOnly Start)> started = [];

    /// <summary>Submissions accepted so far.</summary>
    public long Accepted { get; private set; }

    /// <summary>Registers, submits and edits what night <paramref name="night"/> (0-based, one day each) brings.</summary>
    public async Task NightAsync(int night, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        if (night % 7 == 0)
        {
            var number = started.Count;
            var registration = TrainingEvents.Registration(number, regions) with { StartDate = today, EndDate = today.AddDays(TrainingEvents.Days - 1) };
            await events.SaveAsync(TrainingEvents.Id("year", number), registration, cancellationToken);
            started.Add((number, today));
        }

        var batch = new List<SubmissionFields>();
        foreach (var (number, start) in started.Where(e => today >= e.Start && today < e.Start.AddDays(TrainingEvents.Days)))
        {
            for (var p = 0; p < TrainingEvents.Participants; p++)
            {
                if ((p * 7 + today.DayNumber) % 10 == 0)
                {
                    missed.Enqueue((number, p, today));
                    continue;
                }

                batch.Add(participants.Submission(((long)number * TrainingEvents.Participants) + p, TrainingEvents.Id("year", number), today));
            }
        }

        if (night % 10 == 9)
        {
            for (var i = 0; i < 2 && missed.Count > 0 && missed.Peek().Day < today.AddDays(-30); i++)
            {
                var (number, p, day) = missed.Dequeue();
                batch.Add(participants.Submission(((long)number * TrainingEvents.Participants) + p, TrainingEvents.Id("year", number), day));
            }
        }

        if (night % 45 == 44 && started.Count > 1)
        {
            var (number, start) = started[^2];
            var registration = TrainingEvents.Registration(number, regions) with
            {
                Name = $"{TrainingEvents.Registration(number, regions).Name} (revisi {night})",
                StartDate = start,
                EndDate = start.AddDays(TrainingEvents.Days - 1),
            };
            await events.SaveAsync(TrainingEvents.Id("year", number), registration, cancellationToken);
        }

        if (batch.Count > 0)
        {
            var outcomes = await intake.AcceptAsync(batch, cancellationToken: cancellationToken);
            var created = outcomes.Count(o => o.Receipt?.Status == ReceiptStatus.Created);
            Accepted += created;
            if (created != batch.Count)
            {
                throw new InvalidOperationException($"Night {night}: {created} of {batch.Count} submissions were created.");
            }
        }
    }
}
