namespace Attendance.Organizer;

/// <summary>
/// One of the organizer's lists as a table of typed cells: the one column list the CSV (<see cref="AttendanceCsv"/>)
/// and the Excel file (<see cref="AttendanceXlsx"/>) both write, so their headers and values cannot drift apart.
/// </summary>
/// <param name="SheetName">The Excel sheet's name (at most 31 characters, none of <c>: \ / ? * [ ]</c>).</param>
/// <param name="Columns">The header row, in order.</param>
/// <param name="Rows">One cell per column in each row.</param>
public sealed record ListTable(string SheetName, IReadOnlyList<ListColumn> Columns, IReadOnlyList<IReadOnlyList<ListCell>> Rows);

/// <summary>A column: its Indonesian header, what its cells hold, and its width in Excel (characters of the standard font).</summary>
public sealed record ListColumn(string Header, ListCellKind Kind, double Width);

/// <summary>What a column's cells hold, which decides how each file writes them.</summary>
public enum ListCellKind
{
    /// <summary>Text as typed: names, institutions.</summary>
    Text,

    /// <summary>An id that must never become a number: a text cell in Excel.</summary>
    Code,

    /// <summary>A phone number as stored (<c>6281234567890</c>): a text cell in Excel, never <c>6,28E+12</c>.</summary>
    Phone,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A time of day at the event's clock.</summary>
    Time,
}

/// <summary>One cell: text, a number, a date or a time, or empty (all null).</summary>
public readonly record struct ListCell(string? Text, int? Number, DateOnly? Date, TimeOnly? Time)
{
    public static ListCell Of(string? text) => new(text, null, null, null);

    public static ListCell Of(int number) => new(null, number, null, null);

    public static ListCell Of(DateOnly date) => new(null, null, date, null);

    public static ListCell Of(TimeOnly? time) => new(null, null, null, time);
}
