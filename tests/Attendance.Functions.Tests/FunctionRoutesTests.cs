using System.Text.RegularExpressions;
using Attendance.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Xunit;

namespace Attendance.Functions.Tests;

/// <summary>The Functions app serves exactly the local server's routes, with the same methods and keys.</summary>
public sealed partial class FunctionRoutesTests
{
    [Fact]
    public void Every_route_of_the_local_server_is_a_function_with_the_same_name_method_route_and_key()
    {
        var mismatches = new List<string>();
        foreach (var route in ApiRoutes.All)
        {
            var function = FunctionCatalog.Http.SingleOrDefault(f => f.Name == route.Name);
            if (function is null)
            {
                mismatches.Add($"{route.Name}: no HTTP function of that name ({route.Method} {route.Template}).");
                continue;
            }

            var http = function.Http!;
            if (http.Methods is not [var method] || !string.Equals(method, route.Method, StringComparison.OrdinalIgnoreCase))
            {
                mismatches.Add($"{route.Name}: methods [{string.Join(", ", http.Methods ?? ["any"])}], local server {route.Method}.");
            }

            if (http.Route != route.Template)
            {
                mismatches.Add($"{route.Name}: route '{http.Route}', local server '{route.Template}'.");
            }

            if (http.AuthLevel != ToWorkerLevel(route.Auth))
            {
                mismatches.Add($"{route.Name}: key {http.AuthLevel}, local server {route.Auth}.");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_local_server()
    {
        var names = ApiRoutes.All.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var extra = FunctionCatalog.Http.Where(f => !names.Contains(f.Name)).Select(f => f.ToString()).ToList();
        Assert.True(extra.Count == 0, "HTTP functions the local server does not serve: " + string.Join(", ", extra));
    }

    [Fact]
    public void Function_names_are_unique_because_keys_and_logs_are_per_name()
    {
        var duplicates = FunctionCatalog.All.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
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

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Http_functions_return_action_results_because_the_worker_executes_no_other_result()
    {
        var others = FunctionCatalog.Http.Where(f => f.Method.ReturnType != typeof(Task<IActionResult>)).Select(f => $"{f}: {f.Method.ReturnType.Name}").ToList();
        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }

    [Fact]
    public void Http_functions_pass_the_invocation_cancellation_token_to_the_handler()
    {
        var without = FunctionCatalog.Http.Where(f => f.Method.GetParameters().All(p => p.ParameterType != typeof(CancellationToken))).Select(f => f.ToString()).ToList();
        Assert.Empty(without);
    }

    [Fact]
    public void Function_classes_depend_on_core_handlers_only()
    {
        var dependencies = FunctionCatalog.All
            .Select(f => f.Method.DeclaringType!)
            .Distinct()
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Function: t.Name, Dependency: p.ParameterType)))
            .Where(d => d.Dependency.Assembly != typeof(ApiRoutes).Assembly)
            .Select(d => $"{d.Function} takes {d.Dependency.FullName}")
            .ToList();
        Assert.True(dependencies.Count == 0, string.Join(Environment.NewLine, dependencies));
    }

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
