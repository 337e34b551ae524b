using System.Text.RegularExpressions;
using Attendance.Api;

namespace Attendance.Functions.Tests.Metadata;

/// <summary>
/// The Functions app serves exactly the local server's routes, with the same methods and keys: read from the
/// functions.metadata the build wrote, which is what the Functions host indexes.
/// </summary>
public sealed partial class FunctionRoutesTests
{
    [Fact]
    public void Every_route_of_the_local_server_is_an_http_function_with_the_same_route_method_and_key()
    {
        var mismatches = new List<string>();
        foreach (var route in ApiRoutes.All)
        {
            var matches = FunctionsMetadata.Http.Where(f => f.Function.Name == route.Name).ToList();
            if (matches is not [var (_, trigger)])
            {
                mismatches.Add($"{route.Name}: {matches.Count} HTTP functions of that name in functions.metadata ({route.Method} {route.Template}).");
                continue;
            }

            if (trigger.Methods is not [var method] || !string.Equals(method, route.Method, StringComparison.OrdinalIgnoreCase))
            {
                mismatches.Add($"{route.Name}: methods [{string.Join(", ", trigger.Methods ?? ["any"])}], local server {route.Method}.");
            }

            if (trigger.Route != route.Template)
            {
                mismatches.Add($"{route.Name}: route '{trigger.Route}', local server '{route.Template}'.");
            }

            if (trigger.AuthLevel != ToWorkerLevel(route.Auth).ToString())
            {
                mismatches.Add($"{route.Name}: authLevel {trigger.AuthLevel}, local server {route.Auth}.");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_local_server()
    {
        var local = ApiRoutes.All.Select(r => Describe(r.Name, [r.Method], r.Template, ToWorkerLevel(r.Auth).ToString())).ToHashSet(StringComparer.Ordinal);
        var extra = FunctionsMetadata.Http
            .Select(f => Describe(f.Function.Name, f.Trigger.Methods, f.Trigger.Route, f.Trigger.AuthLevel))
            .Where(d => !local.Contains(d))
            .ToList();
        Assert.True(extra.Count == 0, "HTTP functions the local server does not serve so: " + string.Join("; ", extra));
        Assert.Equal(ApiRoutes.All.Count, FunctionsMetadata.Http.Count());
    }

    [Fact]
    public void Every_function_has_one_trigger_an_http_route_or_the_timer()
    {
        var odd = FunctionsMetadata.All
            .Where(f => f.Bindings.Count(b => b.Direction == "In" && b.Type.EndsWith("Trigger", StringComparison.Ordinal)) != 1
                || !f.Bindings.Any(b => b.Type is "httpTrigger" or "timerTrigger"))
            .Select(f => $"{f.Name}: {string.Join(", ", f.Bindings.Select(b => b.Type))}")
            .ToList();
        Assert.Empty(odd);
        Assert.Equal(FunctionsMetadata.All.Count, FunctionsMetadata.Http.Count() + FunctionsMetadata.Timers.Count());
    }

    [Fact]
    public void The_metadata_describes_the_functions_the_app_declares()
    {
        // functions.metadata comes from the build of the assembly these tests load, not a stale copy.
        Assert.Equal(
            FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            FunctionsMetadata.All.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Function_names_are_unique_because_keys_and_logs_are_per_name()
    {
        var duplicates = FunctionsMetadata.All.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Each_route_parameter_binds_to_a_string_parameter_of_the_same_name()
    {
        var problems = new List<string>();
        foreach (var function in FunctionCatalog.Http)
        {
            var routeParameters = RouteParameter().Matches(function.Http!.Route ?? string.Empty).Select(m => m.Groups[1].Value).ToHashSet();
            var methodParameters = function.Method.GetParameters()
                .Where(p => p.ParameterType == typeof(string) && !p.GetCustomAttributes(true).OfType<HttpTriggerAttribute>().Any())
                .Select(p => p.Name!)
                .ToHashSet();
            if (!routeParameters.SetEquals(methodParameters))
            {
                problems.Add($"{function}: route {{{string.Join(", ", routeParameters)}}}, parameters ({string.Join(", ", methodParameters)}).");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Http_functions_return_the_core_handlers_result_which_the_worker_executes()
    {
        // Worker.Extensions.Http.AspNetCore 2.x executes an IResult return value against the invocation's
        // HttpContext, as it does an IActionResult, so core's result needs no adapter.
        var others = FunctionCatalog.Http.Where(f => f.Method.ReturnType != typeof(Task<IResult>)).Select(f => $"{f}: {f.Method.ReturnType.Name}").ToList();
        Assert.Empty(others);
    }

    [Fact]
    public void Http_functions_pass_the_invocation_cancellation_token_to_the_handler()
    {
        var without = FunctionCatalog.Http.Where(f => f.Method.GetParameters().All(p => p.ParameterType != typeof(CancellationToken))).Select(f => f.ToString()).ToList();
        Assert.Empty(without);
    }

    [Fact]
    public void Function_classes_depend_on_core_handlers_only_and_hold_no_state()
    {
        var types = FunctionCatalog.All.Select(f => f.Method.DeclaringType!).Distinct().ToList();
        var dependencies = types
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Function: t.Name, Dependency: p.ParameterType)))
            .Where(d => d.Dependency.Assembly != typeof(ApiRoutes).Assembly)
            .Select(d => $"{d.Function} takes {d.Dependency.FullName}");
        var singleHandler = types.Where(t => t.GetConstructors().Single().GetParameters().Length != 1).Select(t => $"{t.Name} does not take exactly one handler");

        // The worker makes a function class per invocation: the captured handler is the one field allowed.
        var state = types
            .Where(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Length > 1)
            .Select(t => $"{t.Name} holds state beside its handler");
        var problems = dependencies.Concat(singleHandler).Concat(state).ToList();
        Assert.Empty(problems);
    }

    private static string Describe(string name, IEnumerable<string>? methods, string? route, string? authLevel) =>
        $"{name} [{string.Join(",", (methods ?? ["any"]).Select(m => m.ToUpperInvariant()))}] {route} {authLevel}";

    private static AuthorizationLevel ToWorkerLevel(ApiAuthLevel level) => level switch
    {
        ApiAuthLevel.Anonymous => AuthorizationLevel.Anonymous,
        ApiAuthLevel.Function => AuthorizationLevel.Function,
        ApiAuthLevel.Admin => AuthorizationLevel.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A level the Functions app cannot express."),
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}
