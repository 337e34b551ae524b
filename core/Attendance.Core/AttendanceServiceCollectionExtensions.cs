using Attendance.Api;
using Attendance.Auth;
using Attendance.Corrections;
using Attendance.Events;
using Attendance.Export;
using Attendance.Venue;
using Attendance.OpenRosa;
using Attendance.Organizer;
using Attendance.Privacy;
using Attendance.Regions;
using Attendance.Storage;
using Attendance.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attendance;

/// <summary>The one registration every host (Functions app, local server, CLI) calls.</summary>
public static class AttendanceServiceCollectionExtensions
{
    /// <summary>Registers storage, the region directory, the stores and every API handler, with options validated at start.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAttendanceStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => RegionDirectory.Official);
        services.AddProblemDetails();

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

        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName))
            .Validate(o => IsTableName(o.EventsTable) && IsTableName(o.SubmissionsTable),
                "Store:EventsTable and Store:SubmissionsTable must be table names: 3-63 letters or digits, starting with a letter.")
            .ValidateOnStart();

        // Only the local server checks keys (the Functions host checks its own), so these are validated when
        // the local server maps its routes, not at every host's start.
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations();

        // The same keys as ODK Collect's Basic password, in every host (the Functions host cannot check Basic).
        services.AddOptions<AuthOptions>(OpenRosaApi.KeysName).Bind(configuration.GetSection(AuthOptions.SectionName));

        services.AddSingleton<EventStore>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<IExportMark, AttendanceExportMark>();
        services.AddSingleton<SubmissionValidator>();
        services.AddSingleton<SubmissionIntake>();
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<AttendanceChanges>();
        services.AddSingleton<PersonRecords>();
        services.AddSingleton<ParticipantErasure>();

        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => !o.PseudonymKey.TrimStart().StartsWith(ExportOptions.UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase),
                "Export:PseudonymKey is an unresolved Key Vault reference: check that the secret PseudonymKey exists and that the app's identity is Key Vault Secrets User (docs/deployment.md).")
            .Validate(_ => ExportSchedule.TryFrom(configuration) is not null, ExportSchedule.Rule)
            .Validate(o => o.RemovedFileRetention >= TimeSpan.Zero, "Export:RemovedFileRetention must be zero or more (a TimeSpan such as 7.00:00:00).")
            .ValidateOnStart();
        services.AddSingleton(_ => ExportSchedule.From(configuration));
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.AddSingleton<ContactExpiry>();
        services.AddSingleton<ParticipantLookup>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<Reconciliation>();
        services.AddSingleton<RemovedFileCleanUp>();

        services.AddOptions<FormOptions>().Bind(configuration.GetSection(FormOptions.SectionName))
            .PostConfigure(o =>
            {
                // In Azure the platform names the app's host; a request's Host header is the client's to forge.
                if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && configuration[FormOptions.PlatformHostNameSetting] is { Length: > 0 } host)
                {
                    o.PublicBaseUrl = FormOptions.PlatformBaseUrl(host);
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Forms:PublicBaseUrl must be an absolute http(s) address, e.g. https://hadir.example.go.id.")
            .Validate<IEnumerable<RequestHostLinks>>((o, fromRequest) => !string.IsNullOrWhiteSpace(o.PublicBaseUrl) || fromRequest.Any(),
                FormOptions.PublicBaseUrlRequired)
            .ValidateOnStart();
        services.AddOptions<VenueRateLimitOptions>().Bind(configuration.GetSection(VenueRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VenueRateLimiter>();
        services.AddSingleton<VenueStamp>();
        services.AddSingleton<VenueSignInPolicy>();
        services.AddSingleton<FormLinks>();
        services.AddSingleton<AttendanceReader>();

        services.AddSingleton<ApiGuard>();
        services.AddSingleton<HealthApi>();
        services.AddSingleton<OpenApiApi>();
        services.AddSingleton<EventsApi>();
        services.AddSingleton<SubmissionsApi>();
        services.AddSingleton<FormsApi>();
        services.AddSingleton<AttendanceApi>();
        services.AddSingleton<ExportsApi>();
        services.AddSingleton<OpenRosaApi>();
        services.AddSingleton<ChangesApi>();
        services.AddSingleton<PrivacyApi>();
        return services;
    }

    /// <summary>The category of ASP.NET Core's per-request lines (<c>Request starting GET http://…?token=…</c>).</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The category of Kestrel's lines about requests it refuses (<c>Invalid request line: 'GET /…?code=…'</c>).</summary>
    public const string KestrelBadRequestsCategory = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    private static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
