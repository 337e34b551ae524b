using System.Reflection;

namespace Attendance.Functions.Tests;

/// <summary>Paths the build wrote into this assembly (see the project file): where the tests find what the build made.</summary>
internal static class BuildOutputs
{
    /// <summary>The Functions app's output folder, where Worker.Sdk writes functions.metadata.</summary>
    public static string FunctionsAppOutput => Get("FunctionsAppOutput");

    /// <summary>The Bicep CLI in the NuGet package folder, restored by the project's PackageDownload.</summary>
    public static string BicepPath => Get("BicepPath");

    private static string Get(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The build did not record {key} in the test assembly (see Attendance.Functions.Tests.csproj).");
}
