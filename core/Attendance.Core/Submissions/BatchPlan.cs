namespace Attendance.Submissions;

/// <summary>
/// What to do with each submission of one batch before the store is asked (<see cref="BatchDeduplication.Plan"/>);
/// every index of the batch is in exactly one of the three lists, each in batch order.
/// </summary>
/// <param name="ToStore">The submissions to store: the first of each attendance and of each client id in the batch.</param>
/// <param name="Repeats">Submissions that repeat an earlier one of the batch: they get the original's receipt.</param>
/// <param name="Conflicts">Submissions whose client id an earlier one of the batch took for another attendance: refused.</param>
public sealed record BatchPlan(IReadOnlyList<int> ToStore, IReadOnlyList<BatchRepeat> Repeats, IReadOnlyList<int> Conflicts);
