using Attendance.Corrections;
using Attendance.Export;
using Attendance.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance.Privacy;

/// <summary>
/// Answers a participant's access request (UU 27/2022, the right to access): every live attendance of theirs in every
/// event with every stored field, and what the analytics hold for them: their pseudonymous key(s) and how many rows
/// carry each as of each event's last export.
/// </summary>
public sealed partial class ParticipantLookup(PersonRecords records, IExportMark exportMark, IOptions<ExportOptions> exportOptions, ILogger<ParticipantLookup> logger)
{
    public async Task<LookupResult> FindAsync(PersonQuery person, string keyName, CancellationToken cancellationToken = default)
    {
        var found = await records.FindAsync(person, cancellationToken);
        var secret = exportOptions.Value.PseudonymSecret();
        var fingerprint = PseudonymKeyFingerprint.Compute(secret);
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (eventId, stored) in found)
        {
            if (!marks.TryGetValue(eventId, out var mark))
            {
                marks[eventId] = mark = await exportMark.GetAsync(eventId, cancellationToken);
            }

            var key = AttendanceRow.For(stored, secret, fingerprint).ParticipantKey;
            rows[key] = rows.GetValueOrDefault(key) + (stored.Sequence <= mark ? 1 : 0);
        }

        LogLookedUp(logger, found.Count, marks.Count, keyName);
        return new LookupResult(
            [.. found.Select(f => f.Stored)],
            [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new AnalyticsHolding(r.Key, r.Value))]);
    }

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Access request answered: {Attendances} attendances in {Events} events, by key {KeyName}")]
    private static partial void LogLookedUp(ILogger logger, int attendances, int events, string keyName);
}

/// <summary>What the store holds about a person, and what the analytics hold under their pseudonymous key(s).</summary>
public sealed record LookupResult(IReadOnlyList<StoredSubmission> Attendances, IReadOnlyList<AnalyticsHolding> Analytics);

/// <summary>One pseudonymous key of the person and how many analytics rows carry it (as of the last export).</summary>
public sealed record AnalyticsHolding(string ParticipantKey, int Rows);
