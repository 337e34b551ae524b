using Microsoft.Extensions.Options;

namespace Attendance.Export;

/// <summary>Checks at start that <c>ExportSchedule</c> is a 6-field NCRONTAB expression, as the Functions timer reads it.</summary>
internal sealed class ExportScheduleOptionsValidator : IValidateOptions<ExportScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportScheduleOptions options) =>
        ExportSchedule.TryFrom(options) is null ? ValidateOptionsResult.Fail(ExportSchedule.Rule) : ValidateOptionsResult.Success;
}
