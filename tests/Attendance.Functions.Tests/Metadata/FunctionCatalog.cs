using System.Reflection;

namespace Attendance.Functions.Tests.Metadata;

/// <summary>The functions the app declares, read from its attributes as the Worker SDK's metadata generator reads them.</summary>
internal static class FunctionCatalog
{
    /// <summary>The Functions app, referenced by this project.</summary>
    public static Assembly Assembly { get; } = typeof(WorkerTelemetry).Assembly;

    public static IReadOnlyList<DeclaredFunction> All { get; } = Load();

    public static IEnumerable<DeclaredFunction> Http => All.Where(f => f.Http is not null);

    public static IEnumerable<DeclaredFunction> Timers => All.Where(f => f.Timer is not null);

    private static List<DeclaredFunction> Load() =>
    [
        .. from type in Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           let parameters = method.GetParameters()
           select new DeclaredFunction(
               function.Name,
               method,
               parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null),
               parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null)),
    ];
}
