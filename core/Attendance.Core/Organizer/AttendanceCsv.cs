using System.Globalization;
using System.Text;

namespace Attendance.Organizer;

/// <summary>
/// The lists (<see cref="AttendanceTables"/>) as CSV that Excel opens with Indonesian names intact: UTF-8 with a byte
/// order mark (without it Excel reads the file in the machine's ANSI code page), a header row, commas, CRLF, RFC 4180
/// quoting of every cell holding <c>,</c> <c>;</c> a quote or a line break (so Excel splitting on <c>;</c>, as in
/// Indonesian regional settings, keeps such a cell whole where it starts one). No <c>sep=</c> line: Excel ignores the
/// byte order mark when one is present, and every other reader takes it for the header. Wherever a cell would start a
/// formula (<c>= + - @</c>, tab, CR) under either separator it gets an apostrophe, so a name typed on the public page
/// cannot run in Excel. Dates are ISO (<c>2023-06-06</c>) and times <c>08:05</c>, which Excel reads as a date and a
/// time in every locale; a phone is written as Indonesians write it, in groups (<c>0812-3456-7890</c>), which no
/// locale reads as a number. The Excel file (<see cref="AttendanceXlsx"/>) needs none of this.
/// </summary>
public static class AttendanceCsv
{
    public static byte[] Day(DayAttendance day) => Write(AttendanceTables.Day(day));

    public static byte[] Whole(EventAttendanceSheet sheet) => Write(AttendanceTables.Whole(sheet));

    public static byte[] Write(ListTable table)
    {
        var csv = new StringBuilder();
        Row(csv, [.. table.Columns.Select(c => c.Header)]);
        foreach (var row in table.Rows)
        {
            Row(csv, [.. table.Columns.Select((c, i) => Text(c.Kind, row[i]))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// A stored phone (<c>6281234567890</c>) as written in Indonesia, <c>0812-3456-7890</c>; a number of another
    /// country with the international prefix <c>00</c> (<c>0065-9123-4567</c>), since a leading <c>+</c> starts a formula.
    /// Groups of four digits, a last group of one or two joined to the one before.
    /// </summary>
    public static string PhoneText(string digits)
    {
        if (!digits.All(char.IsAsciiDigit))
        {
            return digits;
        }

        var dialled = digits.StartsWith("62", StringComparison.Ordinal) ? "0" + digits[2..] : "00" + digits;
        var groups = dialled.Chunk(4).Select(g => new string(g)).ToList();
        if (groups.Count > 1 && groups[^1].Length < 3)
        {
            groups[^2] += groups[^1];
            groups.RemoveAt(groups.Count - 1);
        }

        return string.Join('-', groups);
    }

    private static string? Text(ListCellKind kind, ListCell cell) => kind switch
    {
        ListCellKind.Number => cell.Number?.ToString(CultureInfo.InvariantCulture) ?? cell.Text,
        ListCellKind.Date => cell.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? cell.Text,
        ListCellKind.Time => cell.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? cell.Text,
        ListCellKind.Phone => cell.Text is { } phone ? PhoneText(phone) : null,
        _ => cell.Text,
    };

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            Cell(csv, cells[i] ?? string.Empty);
        }

        csv.Append("\r\n");
    }

    private static void Cell(StringBuilder csv, string value)
    {
        value = Neutralize(value);
        if (value.AsSpan().IndexOfAny(",;\"\r\n") < 0)
        {
            csv.Append(value);
            return;
        }

        csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>
    /// An apostrophe before a formula prefix wherever a cell can begin: at the start of the value, and after each
    /// <c>;</c> in it. Excel where the list separator is <c>;</c> (id-ID) splits every line on <c>;</c> and honours
    /// quotes only at the start of a field, so there a cell also begins after a <c>;</c> inside a quoted value.
    /// Spaces and quotes before the prefix are looked through: Excel drops them before reading a formula.
    /// </summary>
    private static string Neutralize(string value)
    {
        StringBuilder? text = null;
        for (var i = 0; i < value.Length; i++)
        {
            if ((i == 0 || value[i - 1] == ';') && StartsFormula(value, i))
            {
                text ??= new StringBuilder(value.Length + 4).Append(value, 0, i);
                text.Append('\'');
            }

            text?.Append(value[i]);
        }

        return text?.ToString() ?? value;
    }

    private static bool StartsFormula(string value, int start)
    {
        var i = start;
        while (i < value.Length && value[i] is ' ' or '"')
        {
            i++;
        }

        return i < value.Length && value[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
