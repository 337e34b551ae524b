using System.Globalization;

namespace Attendance.Delta;

/// <summary>
/// The Delta table properties (<c>metaData.configuration</c>) the product writes and reads, with Delta's defaults.
/// Durations are Delta's interval strings (<c>interval 7 days</c>), which Spark and delta-rs parse.
/// </summary>
public static class DeltaTableProperties
{
    public const string CheckpointInterval = "delta.checkpointInterval";
    public const string LogRetentionDuration = "delta.logRetentionDuration";
    public const string DeletedFileRetentionDuration = "delta.deletedFileRetentionDuration";

    /// <summary>Delta's default: a checkpoint every 10 commits.</summary>
    public const int DefaultCheckpointInterval = 10;

    /// <summary>Delta's default log retention: 30 days.</summary>
    public static readonly TimeSpan DefaultLogRetention = TimeSpan.FromDays(30);

    /// <summary>Delta's default retention of removed data files: 7 days.</summary>
    public static readonly TimeSpan DefaultDeletedFileRetention = TimeSpan.FromDays(7);

    /// <summary><c>interval N days</c> for whole days, else <c>interval N seconds</c> (whole seconds).</summary>
    public static string FormatInterval(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return value.Ticks % TimeSpan.TicksPerDay == 0
            ? string.Create(CultureInfo.InvariantCulture, $"interval {(long)value.TotalDays} days")
            : string.Create(CultureInfo.InvariantCulture, $"interval {(long)value.TotalSeconds} seconds");
    }

    /// <summary>Parses <c>interval N unit</c> (weeks, days, hours, minutes, seconds; singular or plural); null if not understood.</summary>
    public static TimeSpan? ParseInterval(string? text)
    {
        var parts = text?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 3 } || !parts[0].Equals("interval", StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return parts[2].ToLowerInvariant().TrimEnd('s') switch
        {
            "week" => TimeSpan.FromDays(7 * n),
            "day" => TimeSpan.FromDays(n),
            "hour" => TimeSpan.FromHours(n),
            "minute" => TimeSpan.FromMinutes(n),
            "second" => TimeSpan.FromSeconds(n),
            _ => null,
        };
    }

    /// <summary>The table's checkpoint interval; Delta's default when absent or not a positive number.</summary>
    public static int CheckpointIntervalOf(DeltaMetadata? metadata) =>
        int.TryParse(metadata?.Configuration.GetValueOrDefault(CheckpointInterval), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCheckpointInterval;

    /// <summary>The table's log retention; Delta's default when absent.</summary>
    public static TimeSpan LogRetentionOf(DeltaMetadata? metadata) =>
        ParseInterval(metadata?.Configuration.GetValueOrDefault(LogRetentionDuration)) ?? DefaultLogRetention;
}
