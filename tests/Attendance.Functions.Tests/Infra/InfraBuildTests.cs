namespace Attendance.Functions.Tests.Infra;

/// <summary>
/// infra/ compiles and lints clean with the Bicep CLI (errors and warnings alike, modules included), so what
/// <c>azd up</c> deploys is checked on every test run, not only in Azure.
/// </summary>
public sealed class InfraBuildTests
{
    private static string Infra => RepoPaths.Combine("infra");

    [Fact]
    public async Task Main_bicep_builds_into_an_arm_template_without_errors_or_warnings()
    {
        var build = await BicepCli.RunAsync(Infra, Ct, "build", "main.bicep", "--stdout");
        Assert.True(build.IsClean, build.ToString());

        using var template = JsonDocument.Parse(build.Output);
        Assert.EndsWith("subscriptionDeploymentTemplate.json#", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, template.RootElement.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    public async Task Main_bicep_and_its_modules_lint_without_warnings()
    {
        var lint = await BicepCli.RunAsync(Infra, Ct, "lint", "main.bicep");
        Assert.True(lint.IsClean, lint.ToString());
    }

    [Fact]
    public async Task A_linter_warning_in_a_module_is_caught_although_bicep_exits_zero()
    {
        // Guards the check above: bicep reports linter findings on stderr and still exits 0.
        var folder = Directory.CreateTempSubdirectory("bicep-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "main.bicep"), "module app 'app.bicep' = {\n  name: 'app'\n}\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "app.bicep"), "param unusedName string = 'x'\n", Ct);

            var lint = await BicepCli.RunAsync(folder, Ct, "lint", "main.bicep");

            Assert.Equal(0, lint.ExitCode);
            Assert.False(lint.IsClean);
            Assert.Contains("no-unused-params", lint.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
