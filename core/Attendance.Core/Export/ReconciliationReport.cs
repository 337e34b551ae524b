using Attendance.Submissions;
using System.Globalization;
using System.Text;

namespace Attendance.Export;

/// <summary>
/// What <see cref="Reconciliation"/> found: per event and session day the attendances in the store (up to the
/// export's mark) and in the live table, every submission id that is missing, duplicated or unexpected, the numbers
/// after the mark the store lost (<see cref="Lost"/>, which hold the export back), and the events whose counter was
/// found missing and resumed (<see cref="Resumptions"/>: submissions accepted after that number before the loss are gone
/// without a trace, so they are named for the organizer to ask the venue; each counts until an operator acknowledges
/// it), and the events whose counter stands below their export mark (<see cref="Behind"/>: restored from an older copy).
/// </summary>
public sealed record ReconciliationReport(
    DateTimeOffset CheckedAt,
    long TableVersion,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<SubmissionFinding> Findings,
    IReadOnlyDictionary<string, long> PendingByEvent,
    IReadOnlyList<SequenceGap> Lost,
    IReadOnlyList<CounterResumption> Resumptions,
    IReadOnlyList<CounterBehindMark> Behind)
{
    /// <summary>
    /// Per event, how many changes (corrections, voids, erasures) the export has not applied yet; the records they name
    /// are left out of <see cref="Days"/> and <see cref="Findings"/> until the next run applies them.
    /// </summary>
    public IReadOnlyDictionary<string, long> PendingChangesByEvent { get; init; } = new Dictionary<string, long>();

    /// <summary>Events whose counter records fewer changes than the export applied: a change log lost with its table.</summary>
    public IReadOnlyList<ChangesBehindMark> ChangesBehind { get; init; } = [];

    /// <summary>
    /// True when the table holds every exported live record exactly once with its current values and nothing else,
    /// and the store lost no number after a mark.
    /// </summary>
    public bool IsExact => Findings.Count == 0 && Lost.Count == 0 && Days.All(d => d.Store == d.Table);

    /// <summary>Resumptions no operator has acknowledged yet: each may hide sign-ins lost without a trace.</summary>
    public IReadOnlyList<CounterResumption> UnacknowledgedResumptions => [.. Resumptions.Where(r => !r.Acknowledged)];

    /// <summary>
    /// True when nothing needs an operator: the table is exact, no counter is behind its mark and every resumption is
    /// acknowledged. <c>attendance verify</c> exits 1 otherwise.
    /// </summary>
    public bool IsClean => IsExact && Behind.Count == 0 && ChangesBehind.Count == 0 && UnacknowledgedResumptions.Count == 0;

    /// <summary>
    /// The report as one CSV for Power BI: a row per event and day (<c>kind</c> = day), per finding
    /// (missing, duplicate, unexpected), per event with submissions not yet exported (pending), per range of numbers
    /// lost from the store (lost: the range in <c>submission_id</c>, its size in <c>store_count</c>) and per counter
    /// that resumed (resumed, or resumed-acknowledged: the number it resumed after in <c>submission_id</c>, when in
    /// <c>checked_at</c>) and per counter behind its mark (behind: the counter in <c>store_count</c>, the mark in <c>table_count</c>),
    /// per event with changes not yet applied (pending-changes: how many in <c>store_count</c>) and per counter with
    /// fewer changes than applied (changes-behind: the counter's changes in <c>store_count</c>, the change mark in <c>table_count</c>).
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

        foreach (var (eventId, pending) in PendingChangesByEvent)
        {
            csv.Append(CultureInfo.InvariantCulture, $"pending-changes,{Field(eventId)},,,{pending},0,{at}\n");
        }

        foreach (var gap in Lost)
        {
            csv.Append(CultureInfo.InvariantCulture, $"lost,{Field(gap.EventId)},,#{gap.From}-#{gap.To},{gap.Count},0,{at}\n");
        }

        foreach (var resumption in Resumptions)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{(resumption.Acknowledged ? "resumed-acknowledged" : "resumed")},{Field(resumption.EventId)},,#{resumption.After},,,{resumption.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
        }

        foreach (var behind in Behind)
        {
            csv.Append(CultureInfo.InvariantCulture, $"behind,{Field(behind.EventId)},,,{behind.Counter},{behind.Mark},{at}\n");
        }

        foreach (var changes in ChangesBehind)
        {
            csv.Append(CultureInfo.InvariantCulture, $"changes-behind,{Field(changes.EventId)},,,{changes.Changes},{changes.Mark},{at}\n");
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

    /// <summary>In the table, not in the store up to the mark (or voided or erased there).</summary>
    Unexpected,

    /// <summary>In the table once, with values other than the record's current state (a change not applied).</summary>
    Outdated,
}

/// <summary>One submission id that is not in the table exactly once.</summary>
public sealed record SubmissionFinding(FindingKind Kind, string EventId, DateOnly SessionDate, string SubmissionId, int Store, int Table);
