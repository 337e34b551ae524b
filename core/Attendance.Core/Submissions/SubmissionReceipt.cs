namespace Attendance.Submissions;

/// <summary>What the store did with one submission.</summary>
public enum ReceiptStatus
{
    /// <summary>Stored now, for the first time.</summary>
    Created,

    /// <summary>Already stored (a retry, a double tap, the same person through another channel): nothing was stored.</summary>
    Duplicate,

    /// <summary>
    /// The client's id is already taken by another attendance (another person or another day): nothing was stored,
    /// and <see cref="SubmissionReceipt.SubmissionId"/> is the id that was refused.
    /// </summary>
    Conflict,
}

/// <summary>The receipt for one submission: its status and the id of the stored original.</summary>
public sealed record SubmissionReceipt(ReceiptStatus Status, string SubmissionId);
