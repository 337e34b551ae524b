namespace Attendance.Api;

/// <summary>Who may call a route, as the Functions host's authorization levels say it.</summary>
public enum ApiAuthLevel
{
    /// <summary>No key (health, the OpenAPI document, the public event form that checks its own token).</summary>
    Anonymous,

    /// <summary>A function key or the admin key.</summary>
    Function,

    /// <summary>The admin (master) key only.</summary>
    Admin,
}

/// <summary>One route of the API: its name (the Functions function name), method, template below <c>/api</c>, and auth level.</summary>
public sealed record ApiRoute(string Name, string Method, string Template, ApiAuthLevel Auth);
