using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attendance.Api;

/// <summary>
/// Keeps the hosts' own request lines out of every log: they quote URLs whole, with the form's token and a
/// <c>code</c> key. The product logs each request itself (<see cref="ApiGuard"/>), without URL.
/// </summary>
public static class RequestLogFilters
{
    /// <summary>The category of ASP.NET Core's per-request lines (<c>Request starting GET http://…?token=…</c>).</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The category of Kestrel's lines about requests it refuses (<c>Invalid request line: 'GET /…?code=…'</c>).</summary>
    public const string KestrelBadRequestsCategory = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    /// <summary>Holds <see cref="HostingDiagnosticsCategory"/> at Warning and turns <see cref="KestrelBadRequestsCategory"/> off, for every provider.</summary>
    public static IServiceCollection AddRequestLogFilters(this IServiceCollection services)
    {
        // ASP.NET Core's hosting log writes every request's full URL at Information, query string included: the
        // form's token and a 'code' key would reach the logs. The product logs each request itself (ApiGuard),
        // without URL; the worker runs the same ASP.NET Core hosting, so this holds in both hosts.
        // Kestrel's bad-request lines (Debug) quote the refused request line, target or header whole
        // ("Invalid request target: '/api/exports%00?code=<key>'"), and every line of that category is such a
        // quote, so it is off at every level. .NET applies the rules of one provider only when that provider has any
        // (Logging:Console:LogLevel:Default=Trace makes every rule for all providers irrelevant to the console), so the
        // same two rules are added for every provider named in the configuration too, after all other rules: the
        // last of equally specific rules wins, so no Logging setting can turn these categories back on.
        services.AddLogging(logging => logging
            .AddFilter(HostingDiagnosticsCategory, LogLevel.Warning)
            .AddFilter(KestrelBadRequestsCategory, LogLevel.None));
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            foreach (var provider in options.Rules.Select(r => r.ProviderName).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
            {
                options.Rules.Add(new LoggerFilterRule(provider, HostingDiagnosticsCategory, LogLevel.Warning, filter: null));
                options.Rules.Add(new LoggerFilterRule(provider, KestrelBadRequestsCategory, LogLevel.None, filter: null));
            }
        });
        return services;
    }
}
