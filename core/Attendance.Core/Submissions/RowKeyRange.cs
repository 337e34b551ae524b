namespace Attendance.Submissions;

/// <summary>
/// A range of row keys in the submissions table, from <paramref name="From"/> (included) up to
/// <paramref name="Until"/> (excluded); laid out by <see cref="SubmissionRows"/>.
/// </summary>
public readonly record struct RowKeyRange(string From, string Until);
