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
    /// <param name="inputs">The submissions.</param>
    /// <param name="known">An event the caller has just read (the venue page, to check its token), so it is not read again.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<IntakeOutcome>> AcceptAsync(
        IReadOnlyList<SubmissionFields> inputs, TrainingEvent? known = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new IntakeOutcome[inputs.Count];
        var valid = new List<(int Index, AttendanceSubmission Submission)>();
        var eventCache = new Dictionary<string, TrainingEvent?>(StringComparer.Ordinal);
        if (known is not null)
        {
            eventCache[known.Id] = known;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var submission = validator.Validate(input);

            // The event is checked even when other fields are wrong, so one answer names every invalid field.
            var (eventId, sessionDate) = submission is not null
                ? (submission.EventId, submission.SessionDate)
                : PartialKeys(input);
            if (eventId is not null)
            {
                if (!eventCache.TryGetValue(eventId, out var trainingEvent))
                {
                    eventCache[eventId] = trainingEvent = await events.GetAsync(eventId, cancellationToken);
                }

                CheckAgainst(trainingEvent, eventId, sessionDate, input.Errors);
            }

            if (submission is null || !input.Errors.IsEmpty)
            {
                outcomes[i] = new IntakeOutcome(null, input.Errors);
                continue;
            }

            valid.Add((i, submission));
        }

        var receipts = await store.AppendAsync([.. valid.Select(v => v.Submission)], cancellationToken);
        for (var i = 0; i < valid.Count; i++)
        {
            var receipt = receipts[i];
            outcomes[valid[i].Index] = receipt.Status == ReceiptStatus.Conflict
                ? new IntakeOutcome(receipt, FieldErrors.Single(SubmissionFields.SubmissionId,
                    $"'{valid[i].Submission.SubmissionId}' is already the id of another attendance (another person or another day) at this event"
                    + (valid[i].Submission.Source is { } source ? $" from source '{source}'" : string.Empty)
                    + "; nothing was stored. Give each attendance its own id."))
                : new IntakeOutcome(receipt, null);
        }

        return outcomes;
    }

    /// <summary>The event id and session date of a submission that failed validation, where those two are valid.</summary>
    private static (string? EventId, DateOnly? SessionDate) PartialKeys(SubmissionFields input)
    {
        if (input.Errors.Has(SubmissionFields.EventId) || input[SubmissionFields.EventId]?.Trim() is not { } eventId || !Identifiers.IsValid(eventId))
        {
            return (null, null);
        }

        var date = input.Errors.Has(SubmissionFields.SessionDate)
            ? null
            : SubmissionValidator.ParseDate(SubmissionFields.SessionDate, input[SubmissionFields.SessionDate], new FieldErrors());
        return (eventId, date);
    }

    private static void CheckAgainst(TrainingEvent? trainingEvent, string eventId, DateOnly? sessionDate, FieldErrors errors)
    {
        if (trainingEvent is null)
        {
            errors.Add(SubmissionFields.EventId, $"no event '{eventId}' is registered.");
            return;
        }

        if (sessionDate is { } date && !trainingEvent.Includes(date) && !errors.Has(SubmissionFields.SessionDate))
        {
            errors.Add(SubmissionFields.SessionDate,
                $"must lie within the event's dates, {trainingEvent.StartDate:yyyy-MM-dd} to {trainingEvent.EndDate:yyyy-MM-dd}.");
        }
    }
}

/// <summary>
/// The outcome of one submission: a receipt when it was valid, else the errors keyed by field. A conflict (the
/// client's id taken by another attendance) has both: the receipt saying so and the error on <c>submissionId</c>.
/// </summary>
public sealed record IntakeOutcome(SubmissionReceipt? Receipt, FieldErrors? Errors)
{
    /// <summary>Whether this was stored now or before (created or duplicate).</summary>
    public bool IsStored => Receipt is { Status: ReceiptStatus.Created or ReceiptStatus.Duplicate };
}
