using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Export;

public sealed class ExportScheduleOptionsValidatorTests
{
    private static readonly ExportScheduleOptionsValidator Validator = new();

    [Theory]
    [InlineData(ExportSchedule.Default)]
    [InlineData("*/2 * * * * *")]
    [InlineData("")]
    [InlineData(null)]
    public void A_six_field_expression_or_none_passes(string? expression)
    {
        Assert.True(Validator.Validate(Options.DefaultName, new ExportScheduleOptions { Expression = expression }).Succeeded);
    }

    [Theory]
    [InlineData("0 19 * * *")]
    [InlineData("nightly")]
    [InlineData("0 0 25 * * *")]
    public void Anything_else_is_named_with_the_form_it_must_take(string expression)
    {
        var failure = Assert.Single(Validator.Validate(Options.DefaultName, new ExportScheduleOptions { Expression = expression }).Failures!);

        Assert.Equal("ExportSchedule must be a 6-field NCRONTAB expression (seconds minutes hours day month weekday, e.g. 0 0 19 * * *).", failure);
    }

    [Fact]
    public void The_schedule_is_bound_from_the_top_level_setting_the_timer_reads()
    {
        using var provider = Services(new() { ["ExportSchedule"] = " 0 30 18 * * * " });

        Assert.Equal("0 30 18 * * *", provider.GetRequiredService<ExportSchedule>().Expression);
    }

    [Fact]
    public void Unset_it_is_the_default()
    {
        using var provider = Services([]);

        Assert.Equal(ExportSchedule.Default, provider.GetRequiredService<ExportSchedule>().Expression);
    }

    [Fact]
    public void A_mistyped_schedule_stops_the_start()
    {
        using var provider = Services(new() { ["ExportSchedule"] = "0 19 * * *" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([ExportSchedule.Rule], failure.Failures);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Export:PseudonymKey"] = "pseudonym-key-for-tests-000000000001";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddExport(configuration).BuildServiceProvider();
    }
}
