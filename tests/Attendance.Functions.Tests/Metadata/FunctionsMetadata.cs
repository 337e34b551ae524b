using System.Text.Json.Serialization;

namespace Attendance.Functions.Tests.Metadata;

/// <summary>
/// functions.metadata as Worker.Sdk writes it into the app's build output: what the Functions host indexes
/// (names, triggers, routes, methods, keys, schedules), so what Azure will serve whatever the source says.
/// </summary>
internal static class FunctionsMetadata
{
    public static string Path => System.IO.Path.Combine(BuildOutputs.FunctionsAppOutput, "functions.metadata");

    public static IReadOnlyList<FunctionEntry> All { get; } = Parse(File.ReadAllText(Path));

    public static IEnumerable<(FunctionEntry Function, BindingEntry Trigger)> Http => Triggered("httpTrigger");

    public static IEnumerable<(FunctionEntry Function, BindingEntry Trigger)> Timers => Triggered("timerTrigger");

    public static List<FunctionEntry> Parse(string json) =>
        JsonSerializer.Deserialize<List<FunctionEntry>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException("functions.metadata is not a JSON list.");

    private static IEnumerable<(FunctionEntry, BindingEntry)> Triggered(string type) =>
        from function in All
        from binding in function.Bindings
        where string.Equals(binding.Type, type, StringComparison.OrdinalIgnoreCase) && binding.Direction == "In"
        select (function, binding);
}

/// <summary>One function of functions.metadata.</summary>
internal sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<BindingEntry> Bindings);

/// <summary>One binding: the properties the host reads for HTTP and timer triggers.</summary>
internal sealed record BindingEntry(
    string Name,
    string Type,
    string Direction,
    string? Route,
    IReadOnlyList<string>? Methods,
    string? AuthLevel,
    string? Schedule,
    [property: JsonPropertyName("runOnStartup")] bool? RunOnStartup);
