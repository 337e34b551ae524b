using Attendance.Export;
using Attendance.Functions.Tests.Metadata;
using Attendance.Functions.Tests.Settings;

namespace Attendance.Functions.Tests.Timers;

/// <summary>The nightly export's timer: its schedule is the app setting infra sets, and it does not fire on every start.</summary>
public sealed class TimerTests
{
    [Fact]
    public void There_is_one_timer_and_it_binds_the_ExportSchedule_setting()
    {
        var (function, trigger) = Assert.Single(FunctionsMetadata.Timers);
        Assert.Equal("NightlyExport", function.Name);
        Assert.Equal("%ExportSchedule%", trigger.Schedule);
        Assert.True(InfraSettings.Sets(ExportSchedule.SettingName), "infra must set the timer's schedule setting, or the host fails to index the function.");
    }

    [Fact]
    public void The_timer_does_not_run_on_startup_because_flex_consumption_starts_instances_at_will()
    {
        Assert.All(FunctionsMetadata.Timers, f => Assert.False(f.Trigger.RunOnStartup ?? false, $"{f.Function.Name} runs on startup."));
        Assert.All(FunctionCatalog.Timers, f => Assert.False(f.Timer!.RunOnStartup, $"{f} runs on startup."));
    }

    [Fact]
    public void The_schedule_infra_sets_by_default_is_the_code_default()
    {
        // The parameter's default in main.bicep and the value azd passes when EXPORT_SCHEDULE is unset.
        Assert.Contains($"param exportSchedule string = '{ExportSchedule.Default}'", File.ReadAllText(Attendance.Testing.RepoPaths.Combine("infra", "main.bicep")), StringComparison.Ordinal);
        Assert.Contains($"${{EXPORT_SCHEDULE={ExportSchedule.Default}}}", File.ReadAllText(Attendance.Testing.RepoPaths.Combine("infra", "main.parameters.json")), StringComparison.Ordinal);
    }
}
