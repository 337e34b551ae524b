using System.Globalization;
using Attendance.Export;

namespace Attendance.Benchmarks.Parquet;

/// <summary>
/// Writes the rows the export writes as RFC 4180 CSV for DuckDB's reference run, in the table's column order: nulls
/// are empty unquoted fields, text is always quoted (so an empty string stays distinct from null), dates ISO,
/// timestamps UTC with microseconds.
/// </summary>
internal sealed class AttendanceCsvWriter(TextWriter output, ExportTable<AttendanceRow> table)
{
    public void WriteHeader() => output.WriteLine(string.Join(',', table.Columns.Select(c => c.Name)));

    public void Write(AttendanceRow row)
    {
        var s = row.Stored.Submission;
        Text(row.Stored.SubmissionId);
        Text(s.EventId);
        output.Write(s.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Write(',');
        Text(row.ParticipantKey);
        Text(s.FullName);
        Text(s.Gender);
        Text(s.Institution);
        Text(s.InstitutionType);
        Text(s.Position);
        Text(s.Province.Code);
        Text(s.Province.Name);
        Text(s.Regency.Code);
        Text(s.Regency.Name);
        Instant(s.CheckInAt);
        output.Write(',');
        Instant(row.Stored.ReceivedAt);
        output.Write(',');
        Text(s.Source, last: true);
        output.Write('\n');
    }

    private void Text(string? value, bool last = false)
    {
        if (value is not null)
        {
            output.Write('"');
            output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            output.Write('"');
        }

        if (!last)
        {
            output.Write(',');
        }
    }

    private void Instant(DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            output.Write(instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture));
        }
    }
}
