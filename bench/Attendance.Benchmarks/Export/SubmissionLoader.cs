using Attendance.Benchmarks.Load;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Benchmarks.Export;

/// <summary>
/// Fills the store the way the product fills it, through <see cref="SubmissionIntake"/>: events shaped like a real
/// training (<see cref="TrainingEvents"/>: 48 participants on 5 days), each event's attendances in one call, several
/// events in parallel. Loading is preparation, not a figure.
/// </summary>
internal sealed class SubmissionLoader(EventStore events, SubmissionIntake intake, RegionDirectory regions)
{
    private readonly Participants participants = new(regions);

    /// <summary>
    /// Registers events <paramref name="firstEvent"/>.. and stores <paramref name="rows"/> attendances in them, every
    /// event full but the last. Returns how many events it used.
    /// </summary>
    public async Task<int> LoadAsync(int firstEvent, long rows, int parallel, CancellationToken cancellationToken = default)
    {
        var eventCount = (int)((rows + TrainingEvents.Attendances - 1) / TrainingEvents.Attendances);
        var numbers = Enumerable.Range(firstEvent, eventCount);
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (number, token) =>
        {
            var eventId = TrainingEvents.Id("event", number);
            var registration = TrainingEvents.Registration(number, regions);
            await events.SaveAsync(eventId, registration, token);
            var count = (int)Math.Min(TrainingEvents.Attendances, rows - ((long)(number - firstEvent) * TrainingEvents.Attendances));
            // Day by day, as a training fills its sheet; participant numbers are unique per event, the same person every day.
            var submissions = Enumerable.Range(0, count)
                .Select(i => participants.Submission(
                    ((long)number * TrainingEvents.Participants) + (i % TrainingEvents.Participants),
                    eventId,
                    registration.StartDate.AddDays(i / TrainingEvents.Participants)))
                .ToList();
            var outcomes = await intake.AcceptAsync(submissions, cancellationToken: token);
            var created = outcomes.Count(o => o.Receipt?.Status == ReceiptStatus.Created);
            if (created != count)
            {
                var problem = outcomes.FirstOrDefault(o => o.Receipt?.Status != ReceiptStatus.Created);
                throw new InvalidOperationException(
                    $"Event {eventId}: {created} of {count} submissions were created; first other outcome: "
                    + (problem?.Errors is { } errors ? string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")) : problem?.Receipt?.Status.ToString()));
            }
        });
        return eventCount;
    }
}
