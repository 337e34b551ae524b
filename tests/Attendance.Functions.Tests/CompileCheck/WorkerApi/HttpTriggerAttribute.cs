using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Declaration of the Worker 2.x <c>HttpTriggerAttribute</c> (Worker.Extensions.Http) with its four
/// constructors and property shapes. As in the real type, only the parameterless constructor defaults the
/// level to <see cref="AuthorizationLevel.Function"/>; the methods-only one leaves it at Anonymous.
/// </summary>
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Any method, function key.</summary>
    public HttpTriggerAttribute() => AuthLevel = AuthorizationLevel.Function;

    /// <summary>The given methods.</summary>
    public HttpTriggerAttribute(params string[] methods) => Methods = methods;

    /// <summary>Any method, the given level.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel) => AuthLevel = authLevel;

    /// <summary>The given level and methods.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>The route template below the host's route prefix; the function name when null.</summary>
    public string? Route { get; set; }

    /// <summary>The HTTP methods; any when null.</summary>
    public string[]? Methods { get; private set; }

    /// <summary>The key the host requires.</summary>
    public AuthorizationLevel AuthLevel { get; private set; }
}
