using System.Text;

namespace Attendance.Regions;

/// <summary>
/// Reads the region CSV (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes,
/// LF or CRLF), because official names may one day carry a comma or a quote and a naive split would then
/// shift every column silently.
/// </summary>
internal static class RegionCsv
{
    public static readonly string[] Header = ["code", "name", "level", "parent_code"];

    /// <summary>Reads all rows after the header, checking the header and the column count.</summary>
    public static List<Region> ReadRegions(TextReader reader)
    {
        var records = ReadRecords(reader).GetEnumerator();
        if (!records.MoveNext() || !records.Current.Fields.SequenceEqual(Header))
        {
            throw new InvalidDataException($"The region CSV must start with the header {string.Join(',', Header)}.");
        }

        var regions = new List<Region>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count != Header.Length)
            {
                throw new InvalidDataException(
                    $"Region CSV line {line}: expected {Header.Length} fields, found {fields.Count}.");
            }

            var level = fields[2] switch
            {
                "province" => RegionLevel.Province,
                "regency" => RegionLevel.Regency,
                _ => throw new InvalidDataException($"Region CSV line {line}: unknown level '{fields[2]}'."),
            };

            // The source has at least one name with a trailing space ("Kota Administrasi Jakarta Utara ");
            // exported names must not differ from the official spelling by invisible whitespace.
            var parent = fields[3].Trim();
            regions.Add(new Region(fields[0].Trim(), fields[1].Trim(), level, parent.Length == 0 ? null : parent));
        }

        return regions;
    }

    /// <summary>Splits the text into records, each with the line number where it starts.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw new InvalidDataException($"Region CSV line {line}: a quote inside an unquoted field.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r':
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (recordLine, fields);
                    }

                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"Region CSV line {recordLine}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0)
        {
            yield return (recordLine, fields);
        }
    }
}
