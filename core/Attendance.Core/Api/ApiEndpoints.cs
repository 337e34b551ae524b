using Attendance.Auth;
using Attendance.OpenRosa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attendance.Api;

/// <summary>Maps <see cref="ApiRoutes.All"/> onto the core handlers for the local server, with key checks.</summary>
public static class ApiEndpoints
{
    /// <summary>The handler of each route, by route name; the Functions app calls the same methods.</summary>
    public static IReadOnlyDictionary<string, Delegate> Handlers { get; } = new Dictionary<string, Delegate>(StringComparer.Ordinal)
    {
        [ApiRoutes.Health.Name] = (HttpRequest request, HealthApi api, CancellationToken ct) => api.GetAsync(request, ct),
        [ApiRoutes.OpenApi.Name] = (HttpRequest request, OpenApiApi api, CancellationToken ct) => api.GetAsync(request, ct),
        [ApiRoutes.PutEvent.Name] = (HttpRequest request, string eventId, EventsApi api, CancellationToken ct) => api.PutAsync(request, eventId, ct),
        [ApiRoutes.GetEvent.Name] = (HttpRequest request, string eventId, EventsApi api, CancellationToken ct) => api.GetAsync(request, eventId, ct),
        [ApiRoutes.PostSubmissions.Name] = (HttpRequest request, SubmissionsApi api, CancellationToken ct) => api.PostAsync(request, ct),
        [ApiRoutes.GetForm.Name] = (HttpRequest request, string eventId, FormsApi api, CancellationToken ct) => api.GetAsync(request, eventId, ct),
        [ApiRoutes.PostForm.Name] = (HttpRequest request, string eventId, FormsApi api, CancellationToken ct) => api.PostAsync(request, eventId, ct),
        [ApiRoutes.GetPrivacy.Name] = (HttpRequest request, string eventId, FormsApi api, CancellationToken ct) => api.GetPrivacyAsync(request, eventId, ct),
        [ApiRoutes.PostExports.Name] = (HttpRequest request, ExportsApi api, CancellationToken ct) => api.PostAsync(request, ct),
        [ApiRoutes.GetEventQr.Name] = (HttpRequest request, string eventId, EventsApi api, CancellationToken ct) => api.GetQrAsync(request, eventId, ct),
        [ApiRoutes.PostFormToken.Name] = (HttpRequest request, string eventId, EventsApi api, CancellationToken ct) => api.RotateFormTokenAsync(request, eventId, ct),
        [ApiRoutes.GetAttendance.Name] = (HttpRequest request, string eventId, AttendanceApi api, CancellationToken ct) => api.GetAsync(request, eventId, ct),
        [ApiRoutes.HeadOpenRosaSubmission.Name] = (HttpRequest request, OpenRosaApi api, CancellationToken ct) => api.HeadAsync(request, ct),
        [ApiRoutes.PostOpenRosaSubmission.Name] = (HttpRequest request, OpenRosaApi api, CancellationToken ct) => api.PostAsync(request, ct),
        [ApiRoutes.PatchAttendance.Name] = (HttpRequest request, string eventId, string submissionId, ChangesApi api, CancellationToken ct) => api.PatchAsync(request, eventId, submissionId, ct),
        [ApiRoutes.DeleteAttendance.Name] = (HttpRequest request, string eventId, string submissionId, ChangesApi api, CancellationToken ct) => api.DeleteAsync(request, eventId, submissionId, ct),
        [ApiRoutes.GetChanges.Name] = (HttpRequest request, string eventId, ChangesApi api, CancellationToken ct) => api.GetAsync(request, eventId, ct),
        [ApiRoutes.PostErasure.Name] = (HttpRequest request, ChangesApi api, CancellationToken ct) => api.PostErasureAsync(request, ct),
        [ApiRoutes.PostLookup.Name] = (HttpRequest request, PrivacyApi api, CancellationToken ct) => api.PostLookupAsync(request, ct),
    };

    /// <summary>Maps every route below <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        var auth = endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>();

        // Validated here, when the local server starts, rather than on the first keyed request.
        _ = auth.Value;
        foreach (var route in ApiRoutes.All)
        {
            api.MapMethods(route.Template, [route.Method], Handlers[route.Name])
                .WithName(route.Name)
                .AddEndpointFilter(new ApiKeyFilter(route.Name, route.Auth, auth));
        }

        return endpoints;
    }
}
