using Attendance.Parquet;

namespace Attendance.Benchmarks.Parquet;

/// <summary>The columns of the nightly export's <c>attendance</c> table, and how a row is written to them.</summary>
internal static class AttendanceTable
{
    public static readonly ParquetSchema Schema = new(
        ParquetColumn.Required("submission_id", ParquetColumnType.String),
        ParquetColumn.Required("event_id", ParquetColumnType.String),
        ParquetColumn.Required("session_date", ParquetColumnType.Date),
        ParquetColumn.Required("participant_key", ParquetColumnType.String),
        ParquetColumn.Optional("full_name", ParquetColumnType.String),
        ParquetColumn.Optional("gender", ParquetColumnType.String),
        ParquetColumn.Optional("institution", ParquetColumnType.String),
        ParquetColumn.Optional("institution_type", ParquetColumnType.String),
        ParquetColumn.Optional("position", ParquetColumnType.String),
        ParquetColumn.Required("province_code", ParquetColumnType.String),
        ParquetColumn.Required("province_name", ParquetColumnType.String),
        ParquetColumn.Required("regency_code", ParquetColumnType.String),
        ParquetColumn.Required("regency_name", ParquetColumnType.String),
        ParquetColumn.Optional("check_in_at", ParquetColumnType.Timestamp),
        ParquetColumn.Required("received_at", ParquetColumnType.Timestamp),
        ParquetColumn.Optional("source", ParquetColumnType.String));

    public static ValueTask WriteAsync(ParquetFileWriter writer, AttendanceRow row, CancellationToken cancellationToken = default)
    {
        writer.WriteString(0, row.SubmissionId);
        writer.WriteString(1, row.EventId);
        writer.WriteDate(2, row.SessionDate);
        writer.WriteString(3, row.ParticipantKey);
        writer.WriteString(4, row.FullName);
        writer.WriteString(5, row.Gender);
        writer.WriteString(6, row.Institution);
        writer.WriteString(7, row.InstitutionType);
        writer.WriteString(8, row.Position);
        writer.WriteString(9, row.Region.ProvinceCode);
        writer.WriteString(10, row.Region.ProvinceName);
        writer.WriteString(11, row.Region.RegencyCode);
        writer.WriteString(12, row.Region.RegencyName);
        if (row.CheckInAt is { } checkIn)
        {
            writer.WriteTimestamp(13, checkIn);
        }
        else
        {
            writer.WriteNull(13);
        }

        writer.WriteTimestamp(14, row.ReceivedAt);
        writer.WriteString(15, row.Source);
        return writer.EndRowAsync(cancellationToken);
    }
}
