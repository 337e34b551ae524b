using Attendance.Export;
using Attendance.Parquet;

namespace Attendance.Benchmarks.Parquet;

/// <summary>The columns of the nightly export's <c>attendance</c> table, and how a row is written to them.</summary>
internal static class AttendanceTable
{
    /// <summary>The export's own schema (names included), so the benchmark writes exactly what the export writes.</summary>
    public static readonly ParquetSchema Schema = AnalyticsTables.Attendance(includeNames: true).ParquetSchema;

    // Column positions looked up by name once: the writes below stay direct calls, and follow the export's order.
    private static readonly int SubmissionId = Schema.IndexOf("submission_id");
    private static readonly int EventId = Schema.IndexOf("event_id");
    private static readonly int SessionDate = Schema.IndexOf("session_date");
    private static readonly int ParticipantKey = Schema.IndexOf("participant_key");
    private static readonly int FullName = Schema.IndexOf("full_name");
    private static readonly int Gender = Schema.IndexOf("gender");
    private static readonly int Institution = Schema.IndexOf("institution");
    private static readonly int InstitutionType = Schema.IndexOf("institution_type");
    private static readonly int Position = Schema.IndexOf("position");
    private static readonly int ProvinceCode = Schema.IndexOf("province_code");
    private static readonly int ProvinceName = Schema.IndexOf("province_name");
    private static readonly int RegencyCode = Schema.IndexOf("regency_code");
    private static readonly int RegencyName = Schema.IndexOf("regency_name");
    private static readonly int CheckInAt = Schema.IndexOf("check_in_at");
    private static readonly int ReceivedAt = Schema.IndexOf("received_at");
    private static readonly int Source = Schema.IndexOf("source");

    public static ValueTask WriteAsync(ParquetFileWriter writer, AttendanceRow row, CancellationToken cancellationToken = default)
    {
        writer.WriteString(SubmissionId, row.SubmissionId);
        writer.WriteString(EventId, row.EventId);
        writer.WriteDate(SessionDate, row.SessionDate);
        writer.WriteString(ParticipantKey, row.ParticipantKey);
        writer.WriteString(FullName, row.FullName);
        writer.WriteString(Gender, row.Gender);
        writer.WriteString(Institution, row.Institution);
        writer.WriteString(InstitutionType, row.InstitutionType);
        writer.WriteString(Position, row.Position);
        writer.WriteString(ProvinceCode, row.Region.ProvinceCode);
        writer.WriteString(ProvinceName, row.Region.ProvinceName);
        writer.WriteString(RegencyCode, row.Region.RegencyCode);
        writer.WriteString(RegencyName, row.Region.RegencyName);
        if (row.CheckInAt is { } checkIn)
        {
            writer.WriteTimestamp(CheckInAt, checkIn);
        }
        else
        {
            writer.WriteNull(CheckInAt);
        }

        writer.WriteTimestamp(ReceivedAt, row.ReceivedAt);
        writer.WriteString(Source, row.Source);
        return writer.EndRowAsync(cancellationToken);
    }
}
