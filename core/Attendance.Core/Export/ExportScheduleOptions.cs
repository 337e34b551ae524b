using Microsoft.Extensions.Configuration;

namespace Attendance.Export;

/// <summary>
/// The export's schedule as it is configured: the top-level setting <c>ExportSchedule</c> (not a section, so that the
/// Functions timer can read the same setting as <c>%ExportSchedule%</c>). Bound from the configuration's root and
/// checked at start by <see cref="ExportScheduleOptionsValidator"/>; <see cref="ExportSchedule.From"/> turns it into the
/// schedule the local server runs on.
/// </summary>
public sealed class ExportScheduleOptions
{
    /// <summary>
    /// A 6-field NCRONTAB expression in UTC, seconds first. Default <c>0 0 19 * * *</c> (<see cref="ExportSchedule.Default"/>,
    /// 02:00 WIB); blank means the default too.
    /// </summary>
    [ConfigurationKeyName(ExportSchedule.SettingName)]
    public string? Expression { get; set; } = ExportSchedule.Default;
}
