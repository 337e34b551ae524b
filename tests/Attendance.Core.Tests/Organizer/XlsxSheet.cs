using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Attendance.Core.Tests.Organizer;

/// <summary>
/// An .xlsx read back with Microsoft's Open XML SDK, which shares no code with the writer (SpreadCheetah): the first
/// sheet's name, its cells by reference with their type and number format, its frozen rows, column widths, and what
/// the SDK's validator finds wrong with the package. Shared with the integration tests.
/// </summary>
internal sealed class XlsxSheet
{
    private XlsxSheet(string name, IReadOnlyDictionary<string, XlsxCell> cells, double? frozenRows, IReadOnlyList<double> widths, int formulas, IReadOnlyList<string> errors)
    {
        Name = name;
        Cells = cells;
        FrozenRows = frozenRows;
        Widths = widths;
        Formulas = formulas;
        Errors = errors;
    }

    public string Name { get; }

    /// <summary>Every cell written, by reference (A1).</summary>
    public IReadOnlyDictionary<string, XlsxCell> Cells { get; }

    /// <summary>The rows above a frozen pane (its ySplit), or null without one.</summary>
    public double? FrozenRows { get; }

    /// <summary>The widths of the columns given one, in order.</summary>
    public IReadOnlyList<double> Widths { get; }

    /// <summary>How many cells hold a formula.</summary>
    public int Formulas { get; }

    /// <summary>What <see cref="OpenXmlValidator"/> reports, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }

    public XlsxCell this[string reference] => Cells.TryGetValue(reference, out var cell) ? cell : new XlsxCell(XlsxCellType.Empty, string.Empty, 0);

    /// <summary>The texts of one row, by its number, for the given count of columns (A, B, …).</summary>
    public IReadOnlyList<string> Row(int number, int columns) =>
        [.. Enumerable.Range(0, columns).Select(i => this[$"{(char)('A' + i)}{number}"].Text)];

    public static XlsxSheet Read(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList() ?? [];
        var cells = new Dictionary<string, XlsxCell>(StringComparer.Ordinal);
        var formulas = 0;
        // A writer may leave out the r attributes of rows and cells; then a cell's place is the one after the last.
        var rowNumber = 0u;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            rowNumber = row.RowIndex?.Value ?? rowNumber + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } r ? ColumnNumber(r) : column + 1;
                formulas += cell.CellFormula is null ? 0 : 1;
                var format = cell.StyleIndex?.Value is { } style && (int)style < formats.Count ? formats[(int)style] : 0;
                var (type, text) = cell.DataType?.Value switch
                {
                    var t when t == CellValues.SharedString => (XlsxCellType.Text, shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]),
                    var t when t == CellValues.InlineString => (XlsxCellType.Text, cell.InlineString?.InnerText ?? string.Empty),
                    var t when t == CellValues.String => (XlsxCellType.Text, cell.CellValue?.Text ?? string.Empty),
                    var t when t == CellValues.Boolean => (XlsxCellType.Boolean, cell.CellValue?.Text ?? string.Empty),
                    _ when cell.CellValue is null => (XlsxCellType.Empty, string.Empty),
                    _ => (XlsxCellType.Number, cell.CellValue.Text),
                };
                cells[ColumnName(column) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new XlsxCell(type, text, format);
            }
        }

        var pane = part.Worksheet.Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen);
        var widths = part.Worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
        return new XlsxSheet(sheet.Name!.Value!, cells, pane?.VerticalSplit?.Value, widths, formulas, errors);
    }

    private static int ColumnNumber(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

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

internal enum XlsxCellType
{
    Empty,
    Text,
    Number,
    Boolean,
}

/// <summary>A cell's type, its text (a number as written in the file) and its number format id (14 a date, 20 a time, 49 text).</summary>
internal readonly record struct XlsxCell(XlsxCellType Type, string Text, uint Format)
{
    public double Number => double.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);
}
