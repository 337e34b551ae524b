namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Declaration of the Worker 2.x base of trigger attributes, which are placed on a function's parameters.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
}
