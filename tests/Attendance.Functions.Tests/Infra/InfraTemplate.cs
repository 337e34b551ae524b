namespace Attendance.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled to the ARM template that <c>azd provision</c> sends, once per test run: what Azure
/// receives, modules inlined as nested deployments, rather than the Bicep text that produces it.
/// </summary>
internal static class InfraTemplate
{
    // Task.Run: compiled off the test's synchronization context, so a test that blocks on it cannot deadlock.
    private static readonly Lazy<Task<JsonElement>> Compiled = new(() => Task.Run(CompileAsync));

    /// <summary>The compiled template's root.</summary>
    public static Task<JsonElement> RootAsync() => Compiled.Value;

    /// <summary>Every resource of the template and its nested deployments (the modules).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ResourcesAsync()
    {
        var resources = new List<JsonElement>();
        Collect(await RootAsync(), resources);
        return resources;
    }

    /// <summary>The only resource of <paramref name="type"/>; fails when there is none or more than one.</summary>
    public static async Task<JsonElement> SingleAsync(string type) =>
        Assert.Single(await ResourcesAsync(), r => r.GetProperty("type").GetString() == type);

    /// <summary>A parameter of main.bicep as compiled (type, default, allowed values).</summary>
    public static async Task<JsonElement> ParameterAsync(string name) =>
        (await RootAsync()).GetProperty("parameters").GetProperty(name);

    /// <summary>A module's output value expression, e.g. the Key Vault module's secret URIs.</summary>
    public static async Task<string> ModuleOutputAsync(string module, string output)
    {
        var deployment = Assert.Single(await ResourcesAsync(), r =>
            r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == module);
        return deployment.GetProperty("properties").GetProperty("template").GetProperty("outputs").GetProperty(output).GetProperty("value").GetString()!;
    }

    private static void Collect(JsonElement template, List<JsonElement> into)
    {
        var resources = template.GetProperty("resources");
        // Templates of languageVersion 2.0 hold resources by symbolic name instead of in an array.
        var items = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
        foreach (var resource in items)
        {
            into.Add(resource);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                && resource.GetProperty("properties").TryGetProperty("template", out var nested))
            {
                Collect(nested, into);
            }
        }
    }

    private static async Task<JsonElement> CompileAsync()
    {
        // Shared by every test of the run, so not tied to the first caller's cancellation.
        var build = await BicepCli.RunAsync(RepoPaths.Combine("infra"), CancellationToken.None, "build", "main.bicep", "--stdout");
        if (!build.IsClean)
        {
            throw new InvalidOperationException(build.ToString());
        }

        using var document = JsonDocument.Parse(build.Output);
        return document.RootElement.Clone();
    }
}
