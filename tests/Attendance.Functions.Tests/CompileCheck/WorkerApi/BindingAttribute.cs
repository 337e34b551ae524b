namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Declaration of the Worker 2.x base of every binding attribute (Worker.Extensions.Abstractions).</summary>
public abstract class BindingAttribute : Attribute
{
}
