using NCrontab;

namespace Attendance.Export;

/// <summary>
/// When the export runs: the top-level setting <c>ExportSchedule</c> (<see cref="ExportScheduleOptions"/>), a 6-field
/// NCRONTAB expression in UTC (seconds first) as Functions timer triggers read it. The default, 19:00 UTC, is 02:00 WIB.
/// </summary>
public sealed class ExportSchedule
{
    public const string SettingName = "ExportSchedule";
    public const string Default = "0 0 19 * * *";

    private readonly CrontabSchedule schedule;

    private ExportSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        this.schedule = schedule;
    }

    public string Expression { get; }

    /// <summary>The message a mistyped schedule gets, at start and when the scheduler reads it.</summary>
    public const string Rule = $"{SettingName} must be a 6-field NCRONTAB expression (seconds minutes hours day month weekday, e.g. {Default}).";

    /// <summary>The configured schedule (the default when blank); throws with <see cref="Rule"/> when it is not one.</summary>
    public static ExportSchedule From(ExportScheduleOptions options) =>
        TryFrom(options) ?? throw new InvalidOperationException(Rule);

    /// <summary>The configured schedule (the default when blank); null when the setting is not a 6-field NCRONTAB expression.</summary>
    public static ExportSchedule? TryFrom(ExportScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expression = options.Expression;
        expression = string.IsNullOrWhiteSpace(expression) ? Default : expression.Trim();
        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return parsed is null ? null : new ExportSchedule(expression, parsed);
    }

    /// <summary>The next run strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
