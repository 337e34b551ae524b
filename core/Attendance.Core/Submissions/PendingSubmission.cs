namespace Attendance.Submissions;

/// <summary>
/// A submission waiting in <see cref="SubmissionStore"/> for a transaction, with its place in its request and the
/// receipt its request awaits. Answered once: by the transaction that stores it, by the original it repeats, or with
/// no receipt when the event it was checked against changed before it could commit (<see cref="Recheck"/>).
/// </summary>
internal sealed class PendingSubmission(int index, AttendanceSubmission submission, string submissionId, string attendanceKey, string? checkedVersion)
{
    private readonly TaskCompletionSource<SubmissionReceipt?> receipt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its position in the request that sent it.</summary>
    public int Index { get; } = index;

    public AttendanceSubmission Submission { get; } = submission;

    public string SubmissionId { get; } = submissionId;

    public string AttendanceKey { get; } = attendanceKey;

    /// <summary>
    /// The version of the remembered event it was checked against; null when it was checked against a read made after
    /// it arrived, which needs no proof at commit.
    /// </summary>
    public string? CheckedVersion { get; } = checkedVersion;

    /// <summary>The receipt, once a transaction or a stored original answered it; null: check it again.</summary>
    public Task<SubmissionReceipt?> Receipt => receipt.Task;

    // A submission without the client's id gets a new one: nothing can repeat it.
    public static PendingSubmission Of(int index, AttendanceSubmission submission, string? checkedVersion) => new(index, submission,
        submission.SubmissionId is { } clientId ? SubmissionRows.ScopedId(submission.Source, clientId) : Guid.CreateVersion7().ToString(),
        SubmissionRows.AttendanceKey(submission.SessionDate, submission.Identity),
        checkedVersion);

    public void Answer(SubmissionReceipt answer) => receipt.TrySetResult(answer);

    /// <summary>Nothing of it was stored, because the event changed since the copy it was checked against: check it again.</summary>
    public void Recheck() => receipt.TrySetResult(null);

    /// <summary>Nothing of it was stored: its request gets <paramref name="error"/> (storage down, the event kept busy).</summary>
    public void Fail(Exception error) => receipt.TrySetException(error);
}
