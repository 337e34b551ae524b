namespace Attendance.Export;

/// <summary>An export run lost the race for a table's next log version too many times; rerunning it is safe.</summary>
public sealed class ExportConflictException(string message) : Exception(message);
