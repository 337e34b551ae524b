namespace Attendance.Api;

/// <summary>
/// The API's route table. The local server maps exactly these; the Functions app declares the same
/// names, methods, routes and auth levels, and a test compares the two.
/// </summary>
public static class ApiRoutes
{
    public static ApiRoute Health { get; } = new("Health", "GET", "health", ApiAuthLevel.Anonymous);

    public static ApiRoute OpenApi { get; } = new("OpenApi", "GET", "openapi.json", ApiAuthLevel.Anonymous);

    public static ApiRoute PutEvent { get; } = new("PutEvent", "PUT", "events/{eventId}", ApiAuthLevel.Admin);

    public static ApiRoute GetEvent { get; } = new("GetEvent", "GET", "events/{eventId}", ApiAuthLevel.Function);

    public static ApiRoute PostSubmissions { get; } = new("PostSubmissions", "POST", "submissions", ApiAuthLevel.Function);

    public static ApiRoute GetForm { get; } = new("GetForm", "GET", "events/{eventId}/form", ApiAuthLevel.Anonymous);

    public static ApiRoute PostForm { get; } = new("PostForm", "POST", "events/{eventId}/form", ApiAuthLevel.Anonymous);

    public static ApiRoute PostExports { get; } = new("PostExports", "POST", "exports", ApiAuthLevel.Admin);

    public static ApiRoute GetEventQr { get; } = new("GetEventQr", "GET", "events/{eventId}/qr", ApiAuthLevel.Function);

    public static ApiRoute PostFormToken { get; } = new("PostFormToken", "POST", "events/{eventId}/form-token", ApiAuthLevel.Admin);

    public static ApiRoute GetAttendance { get; } = new("GetAttendance", "GET", "events/{eventId}/attendance", ApiAuthLevel.Function);

    public static ApiRoute PatchAttendance { get; } = new("PatchAttendance", "PATCH", "events/{eventId}/attendance/{submissionId}", ApiAuthLevel.Admin);

    public static ApiRoute DeleteAttendance { get; } = new("DeleteAttendance", "DELETE", "events/{eventId}/attendance/{submissionId}", ApiAuthLevel.Admin);

    public static ApiRoute GetChanges { get; } = new("GetChanges", "GET", "events/{eventId}/changes", ApiAuthLevel.Admin);

    public static ApiRoute PostErasure { get; } = new("PostErasure", "POST", "participants/erasure", ApiAuthLevel.Admin);

    public static ApiRoute PostLookup { get; } = new("PostLookup", "POST", "participants/lookup", ApiAuthLevel.Admin);

    /// <summary>ODK Collect's check before it posts: anonymous at the host, the handler checks HTTP Basic itself.</summary>
    public static ApiRoute HeadOpenRosaSubmission { get; } = new("HeadOpenRosaSubmission", "HEAD", "openrosa/submission", ApiAuthLevel.Anonymous);

    /// <summary>ODK Collect's submission: anonymous at the host, the handler checks HTTP Basic itself.</summary>
    public static ApiRoute PostOpenRosaSubmission { get; } = new("PostOpenRosaSubmission", "POST", "openrosa/submission", ApiAuthLevel.Anonymous);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Health, OpenApi, PutEvent, GetEvent, PostSubmissions, GetForm, PostForm, PostExports, GetEventQr, PostFormToken, GetAttendance,
        HeadOpenRosaSubmission, PostOpenRosaSubmission, PatchAttendance, DeleteAttendance, GetChanges, PostErasure, PostLookup,
    ];
}
