namespace Attendance.Auth;

/// <summary>
/// The keys the local server checks (settings section <c>Auth</c>). In Azure the Functions host checks its
/// own function and master keys; there only <see cref="FunctionKey"/> is read, as ODK Collect's password on the
/// OpenRosa route (a Key Vault reference that infra sets). When unset, <c>attendance serve</c> generates both and
/// prints them once at start. Checked by <see cref="AuthOptionsValidator"/> when the local server maps its routes.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The shortest key the local server starts with, and the shortest ODK Collect's password is compared with.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The key for function-level routes (submissions, event reads). At least 16 characters.</summary>
    public string FunctionKey { get; set; } = string.Empty;

    /// <summary>The key for admin routes (event registration, exports); it also opens function-level routes. At least 16 characters.</summary>
    public string AdminKey { get; set; } = string.Empty;
}
