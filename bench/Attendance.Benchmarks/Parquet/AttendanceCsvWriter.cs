using System.Globalization;

namespace Attendance.Benchmarks.Parquet;

/// <summary>
/// Writes the same rows as RFC 4180 CSV for DuckDB's reference run: nulls are empty unquoted fields, text is
/// always quoted (so an empty string stays distinct from null), timestamps are UTC with microseconds.
/// </summary>
internal sealed class AttendanceCsvWriter(TextWriter output)
{
    public void WriteHeader() => output.WriteLine(string.Join(',', AttendanceTable.Schema.Columns.Select(c => c.Name)));

    public void Write(AttendanceRow row)
    {
        Text(row.SubmissionId);
        Text(row.EventId);
        output.Write(row.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Write(',');
        Text(row.ParticipantKey);
        Text(row.FullName);
        Text(row.Gender);
        Text(row.Institution);
        Text(row.InstitutionType);
        Text(row.Position);
        Text(row.Region.ProvinceCode);
        Text(row.Region.ProvinceName);
        Text(row.Region.RegencyCode);
        Text(row.Region.RegencyName);
        Instant(row.CheckInAt);
        output.Write(',');
        Instant(row.ReceivedAt);
        output.Write(',');
        Text(row.Source, last: true);
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
