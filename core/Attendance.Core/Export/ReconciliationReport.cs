using System.Globalization;
using System.Text;

namespace Attendance.Export;

/// <summary>
/// What <see cref="Reconciliation"/> found: per event and session day the attendances in the store (up to the
/// export's mark) and in the live table, and every submission id that is missing, duplicated or unexpected.
/// </summary>
public sealed record ReconciliationReport(
    DateTimeOffset CheckedAt,
    long TableVersion,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<SubmissionFinding> Findings,
    IReadOnlyDictionary<string, long> PendingByEvent)
{
    /// <summary>True when the table holds every exported submission exactly once and nothing else.</summary>
    public bool IsExact => Findings.Count == 0 && Days.All(d => d.Store == d.Table);

    /// <summary>
    /// The report as one CSV for Power BI: a row per event and day (<c>kind</c> = day), per finding
    /// (missing, duplicate, unexpected) and per event with submissions not yet exported (pending).
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("kind,event_id,session_date,submission_id,store_count,table_count,checked_at\n");
        var at = CheckedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var day in Days)
        {
            csv.Append(CultureInfo.InvariantCulture, $"day,{Field(day.EventId)},{day.SessionDate:yyyy-MM-dd},,{day.Store},{day.Table},{at}\n");
        }

        foreach (var finding in Findings)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{finding.Kind.ToString().ToLowerInvariant()},{Field(finding.EventId)},{finding.SessionDate:yyyy-MM-dd},{Field(finding.SubmissionId)},{finding.Store},{finding.Table},{at}\n");
        }

        foreach (var (eventId, pending) in PendingByEvent)
        {
            csv.Append(CultureInfo.InvariantCulture, $"pending,{Field(eventId)},,,{pending},0,{at}\n");
        }

        return csv.ToString();
    }

    // Ids are restricted to letters, digits and . _ - : (Identifiers), so quoting is never needed; kept for safety.
    private static string Field(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : text;
}

/// <summary>Attendances of one event on one day: in the store up to the export's mark, and in the table.</summary>
public sealed record DayCount(string EventId, DateOnly SessionDate, int Store, int Table);

/// <summary>What is wrong with one submission id.</summary>
public enum FindingKind
{
    /// <summary>In the store up to the export's mark, not in the table.</summary>
    Missing,

    /// <summary>In the table more than once.</summary>
    Duplicate,

    /// <summary>In the table, not in the store up to the mark.</summary>
    Unexpected,
}

/// <summary>One submission id that is not in the table exactly once.</summary>
public sealed record SubmissionFinding(FindingKind Kind, string EventId, DateOnly SessionDate, string SubmissionId, int Store, int Table);
