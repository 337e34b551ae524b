namespace Attendance.Submissions;

/// <summary>
/// A submission waiting in <see cref="SubmissionStore"/> for a transaction, with its place in its request and the
/// receipt its request awaits. Answered once: by the transaction that stores it, or by the original it repeats.
/// </summary>
internal sealed class PendingSubmission(int index, AttendanceSubmission submission, string submissionId, string attendanceKey)
{
    private readonly TaskCompletionSource<SubmissionReceipt> receipt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its position in the request that sent it.</summary>
    public int Index { get; } = index;

    public AttendanceSubmission Submission { get; } = submission;

    public string SubmissionId { get; } = submissionId;

    public string AttendanceKey { get; } = attendanceKey;

    /// <summary>The receipt, once a transaction or a stored original answered it.</summary>
    public Task<SubmissionReceipt> Receipt => receipt.Task;

    // A submission without the client's id gets a new one: nothing can repeat it.
    public static PendingSubmission Of(int index, AttendanceSubmission submission) => new(index, submission,
        submission.SubmissionId is { } clientId ? SubmissionRows.ScopedId(submission.Source, clientId) : Guid.CreateVersion7().ToString(),
        SubmissionRows.AttendanceKey(submission.SessionDate, submission.Identity));

    public void Answer(SubmissionReceipt answer) => receipt.TrySetResult(answer);

    /// <summary>Nothing of it was stored: its request gets <paramref name="error"/> (storage down, the event kept busy).</summary>
    public void Fail(Exception error) => receipt.TrySetException(error);
}
