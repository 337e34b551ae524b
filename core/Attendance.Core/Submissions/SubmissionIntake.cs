using Attendance.Events;

namespace Attendance.Submissions;

/// <summary>
/// Takes submissions as they arrived (one, or a batch of up to <see cref="MaxBatch"/>), validates each,
/// checks it against its event, and stores the valid ones. Shared by the API routes and any host.
/// </summary>
public sealed class SubmissionIntake(SubmissionValidator validator, EventStore events, SubmissionStore store)
{
    /// <summary>The most submissions one request may carry.</summary>
    public const int MaxBatch = 500;

    /// <summary>One outcome per input, in order: a receipt, or the field errors that kept it out.</summary>
    public async Task<IReadOnlyList<IntakeOutcome>> AcceptAsync(IReadOnlyList<SubmissionFields> inputs, CancellationToken cancellationToken = default)
    {
        var outcomes = new IntakeOutcome[inputs.Count];
        var valid = new List<(int Index, AttendanceSubmission Submission)>();
        var eventCache = new Dictionary<string, TrainingEvent?>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var submission = validator.Validate(inputs[i]);
            if (submission is null)
            {
                outcomes[i] = new IntakeOutcome(null, inputs[i].Errors);
                continue;
            }

            if (!eventCache.TryGetValue(submission.EventId, out var trainingEvent))
            {
                eventCache[submission.EventId] = trainingEvent = await events.GetAsync(submission.EventId, cancellationToken);
            }

            var errors = CheckAgainst(trainingEvent, submission);
            if (errors is not null)
            {
                outcomes[i] = new IntakeOutcome(null, errors);
                continue;
            }

            valid.Add((i, submission));
        }

        var receipts = await store.AppendAsync([.. valid.Select(v => v.Submission)], cancellationToken);
        for (var i = 0; i < valid.Count; i++)
        {
            outcomes[valid[i].Index] = new IntakeOutcome(receipts[i], null);
        }

        return outcomes;
    }

    private static FieldErrors? CheckAgainst(TrainingEvent? trainingEvent, AttendanceSubmission submission)
    {
        if (trainingEvent is null)
        {
            return FieldErrors.Single(SubmissionFields.EventId, $"no event '{submission.EventId}' is registered.");
        }

        if (!trainingEvent.Includes(submission.SessionDate))
        {
            return FieldErrors.Single(SubmissionFields.SessionDate,
                $"must lie within the event's dates, {trainingEvent.StartDate:yyyy-MM-dd} to {trainingEvent.EndDate:yyyy-MM-dd}.");
        }

        return null;
    }
}

/// <summary>The outcome of one submission: a receipt when it was valid, else the errors keyed by field.</summary>
public sealed record IntakeOutcome(SubmissionReceipt? Receipt, FieldErrors? Errors);
