namespace Attendance.Submissions;

/// <summary>The submission at <paramref name="Index"/> repeats the one at <paramref name="OriginalIndex"/>, which is stored.</summary>
public readonly record struct BatchRepeat(int Index, int OriginalIndex);
