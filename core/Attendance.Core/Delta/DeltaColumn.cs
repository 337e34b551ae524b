namespace Attendance.Delta;

/// <summary>
/// One column of a Delta table, in Delta's primitive type names (<c>string</c>, <c>integer</c>, <c>long</c>,
/// <c>double</c>, <c>boolean</c>, <c>date</c>, <c>timestamp</c>). <c>timestamp</c> is UTC microseconds and keeps
/// the table at reader 1 / writer 2 (<c>timestamp_ntz</c> would need reader 3 / writer 7).
/// </summary>
public sealed record DeltaColumn(string Name, string Type, bool Nullable);
