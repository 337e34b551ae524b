namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Declaration of the Worker 2.x <c>FunctionAttribute</c> (package Microsoft.Azure.Functions.Worker.Core):
/// marks a method as a function; the name is what the host lists and what function keys are scoped to.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    /// <summary>Names the function.</summary>
    public FunctionAttribute(string name) => Name = name;

    /// <summary>The function's name.</summary>
    public string Name { get; }
}
