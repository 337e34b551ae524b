namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Declaration of the Worker 2.x <c>AuthorizationLevel</c> (Worker.Extensions.Http), with the real values:
/// the host reads them from the generated function metadata.
/// </summary>
public enum AuthorizationLevel
{
    /// <summary>No key.</summary>
    Anonymous = 0,

    /// <summary>A user token (App Service authentication).</summary>
    User = 1,

    /// <summary>A function key or a host key.</summary>
    Function = 2,

    /// <summary>A system key.</summary>
    System = 3,

    /// <summary>The master key.</summary>
    Admin = 4,
}
