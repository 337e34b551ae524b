using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Attendance.Organizer;

/// <summary>
/// The lists (<see cref="AttendanceTables"/>) as an Excel workbook, written by SpreadCheetah: one sheet with an
/// Indonesian name, the header row bold, frozen and filterable, columns sized for their content. Phones and ids are
/// text cells (a phone never shows as <c>6,28E+12</c>, an id keeps its leading zeros), numbers are numbers, dates
/// are dates and check-in times are times, both in Excel's built-in formats that follow the reader's regional
/// settings (<c>06/06/2023</c> and <c>8.05</c> in Indonesian Excel). A value is never a formula, whatever it starts with.
/// </summary>
public static class AttendanceXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<byte[]> DayAsync(DayAttendance day, CancellationToken cancellationToken = default) =>
        WriteAsync(AttendanceTables.Day(day), cancellationToken);

    public static Task<byte[]> WholeAsync(EventAttendanceSheet sheet, CancellationToken cancellationToken = default) =>
        WriteAsync(AttendanceTables.Whole(sheet), cancellationToken);

    public static async Task<byte[]> WriteAsync(ListTable table, CancellationToken cancellationToken = default)
    {
        using var file = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(file, cancellationToken: cancellationToken))
        {
            var options = new WorksheetOptions { FrozenRows = 1 };
            for (var i = 0; i < table.Columns.Count; i++)
            {
                options.Column(i + 1).Width = table.Columns[i].Width;
            }

            if (table.Columns.Count > 0)
            {
                options.AutoFilter = new AutoFilterOptions($"A1:{ColumnName(table.Columns.Count)}{table.Rows.Count + 1}");
            }

            await spreadsheet.StartWorksheetAsync(table.SheetName, options, cancellationToken);
            var header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xE8, 0xE8, 0xE8) } });
            var text = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
            var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ShortDate) });
            var time = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ShortTime) });
            await spreadsheet.AddHeaderRowAsync([.. table.Columns.Select(c => c.Header)], header, cancellationToken);

            var cells = new Cell[table.Columns.Count];
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    var value = row[i];
                    cells[i] = table.Columns[i].Kind switch
                    {
                        ListCellKind.Code or ListCellKind.Phone => new Cell(value.Text, text),
                        ListCellKind.Number when value.Number is { } number => new Cell(number),
                        // A date is the day's serial number; a time the fraction of a day, Excel's own representation.
                        ListCellKind.Date when value.Date is { } day => new Cell(day.ToDateTime(TimeOnly.MinValue), date),
                        ListCellKind.Time when value.Time is { } at => new Cell(at.ToTimeSpan().TotalDays, time),
                        ListCellKind.Time => new Cell((string?)null, time),
                        _ => new Cell(value.Text),
                    };
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return file.ToArray();
    }

    /// <summary>The letters of the 1-based column <paramref name="number"/>: 1 is A, 27 is AA.</summary>
    private static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
