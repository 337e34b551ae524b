using Attendance.Events;

namespace Attendance.Submissions;

/// <summary>
/// Takes submissions as they arrived (one, or a batch of up to <see cref="MaxBatch"/>), validates each,
/// checks it against its event (remembered, or read afresh: <see cref="CheckedEvent"/>), and stores the valid ones.
/// Shared by the API routes and any host.
/// </summary>
public sealed class SubmissionIntake(SubmissionValidator validator, EventStore events, SubmissionStore store)
{
    /// <summary>The most submissions one request may carry.</summary>
    public const int MaxBatch = 500;

    /// <summary>One outcome per input, in order: a receipt, or the field errors that kept it out.</summary>
    /// <param name="inputs">The submissions.</param>
    /// <param name="known">
    /// An event the caller has just checked (the venue page, for its token), so it is not looked up again. When it is
    /// remembered (<see cref="CheckedEvent.Remembered"/>), a submission it would refuse, or that meets a newer version at
    /// commit, comes back as <see cref="IntakeOutcome.CheckAgain"/> with nothing stored: the caller reads the event afresh
    /// and sends it again, checking again what it checked itself. Events the intake looks up it checks again itself.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<IntakeOutcome>> AcceptAsync(
        IReadOnlyList<SubmissionFields> inputs, CheckedEvent? known = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new IntakeOutcome[inputs.Count];
        var checkedEvents = new Dictionary<string, CheckedEvent?>(StringComparer.Ordinal);
        if (known is not null)
        {
            checkedEvents[known.Event.Id] = known;
        }

        var valid = new List<(int Index, AttendanceSubmission Submission, CheckedEvent CheckedAgainst)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var submission = validator.Validate(input);

            // The event is checked even when other fields are wrong, so one answer names every invalid field.
            var (eventId, sessionDate) = submission is not null
                ? (submission.EventId, submission.SessionDate)
                : PartialKeys(input);
            CheckedEvent? checkedEvent = null;
            if (eventId is not null)
            {
                checkedEvent = await EventForAsync(eventId, sessionDate, checkedEvents, known, cancellationToken);
                if (checkedEvent is { Remembered: true } && known?.Event.Id == eventId && Refuses(checkedEvent.Event, sessionDate))
                {
                    outcomes[i] = IntakeOutcome.CheckAgain;
                    continue;
                }

                CheckAgainst(checkedEvent?.Event, eventId, sessionDate, input.Errors);
            }

            if (submission is null || !input.Errors.IsEmpty)
            {
                outcomes[i] = new IntakeOutcome(null, input.Errors);
                continue;
            }

            valid.Add((i, submission, checkedEvent!));
        }

        // Twice at most: a submission checked against a remembered event that changed before it could commit is
        // checked again against a fresh read and sent once more, then with nothing left to prove.
        while (valid.Count > 0)
        {
            var receipts = await store.AppendAsync(
                [.. valid.Select(v => v.Submission)], [.. valid.Select(v => v.CheckedAgainst.Remembered ? v.CheckedAgainst.Event.Version : null)], cancellationToken);
            var again = new List<(int Index, AttendanceSubmission Submission, CheckedEvent CheckedAgainst)>();
            for (var i = 0; i < valid.Count; i++)
            {
                var (index, submission, _) = valid[i];
                if (receipts[i] is not { } receipt)
                {
                    if (known?.Event.Id == submission.EventId)
                    {
                        outcomes[index] = IntakeOutcome.CheckAgain;
                        continue;
                    }

                    if (checkedEvents[submission.EventId] is not { Remembered: false })
                    {
                        checkedEvents[submission.EventId] = await events.GetForSignInAsync(submission.EventId, mayRecall: false, cancellationToken);
                    }

                    var fresh = checkedEvents[submission.EventId];
                    CheckAgainst(fresh?.Event, submission.EventId, submission.SessionDate, inputs[index].Errors);
                    if (inputs[index].Errors.IsEmpty)
                    {
                        again.Add((index, submission, fresh!));
                    }
                    else
                    {
                        outcomes[index] = new IntakeOutcome(null, inputs[index].Errors);
                    }

                    continue;
                }

                outcomes[index] = receipt.Status == ReceiptStatus.Conflict
                    ? new IntakeOutcome(receipt, FieldErrors.Single(SubmissionFields.SubmissionId,
                        $"'{submission.SubmissionId}' is already the id of another attendance (another person or another day) at this event"
                        + (submission.Source is { } source ? $" from source '{source}'" : string.Empty)
                        + "; nothing was stored. Give each attendance its own id."))
                    : new IntakeOutcome(receipt, null);
            }

            valid = again;
        }

        return outcomes;
    }

    /// <summary>
    /// The event to check a submission against, looked up once per call. A remembered one only lets submissions in:
    /// one it would refuse is checked against a fresh read instead, unless the caller gave it (<paramref name="known"/>).
    /// </summary>
    private async Task<CheckedEvent?> EventForAsync(
        string eventId, DateOnly? sessionDate, Dictionary<string, CheckedEvent?> checkedEvents, CheckedEvent? known, CancellationToken cancellationToken)
    {
        if (!checkedEvents.TryGetValue(eventId, out var checkedEvent))
        {
            checkedEvents[eventId] = checkedEvent = await events.GetForSignInAsync(eventId, cancellationToken: cancellationToken);
        }

        if (checkedEvent is { Remembered: true } && known?.Event.Id != eventId && Refuses(checkedEvent.Event, sessionDate))
        {
            checkedEvents[eventId] = checkedEvent = await events.GetForSignInAsync(eventId, mayRecall: false, cancellationToken);
        }

        return checkedEvent;
    }

    private static bool Refuses(TrainingEvent trainingEvent, DateOnly? sessionDate) =>
        sessionDate is { } date && !trainingEvent.Includes(date);

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
    /// <summary>
    /// Nothing stored: the remembered event the caller gave (<see cref="CheckedEvent"/>) would refuse it or changed
    /// before it committed; read the event afresh and send it again.
    /// </summary>
    public static IntakeOutcome CheckAgain { get; } = new(null, null);

    /// <summary>Whether this was stored now or before (created or duplicate).</summary>
    public bool IsStored => Receipt is { Status: ReceiptStatus.Created or ReceiptStatus.Duplicate };
}
