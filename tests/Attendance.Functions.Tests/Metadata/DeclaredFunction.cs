using System.Reflection;

namespace Attendance.Functions.Tests.Metadata;

/// <summary>One <c>[Function]</c> method and its trigger.</summary>
internal sealed record DeclaredFunction(string Name, MethodInfo Method, HttpTriggerAttribute? Http, TimerTriggerAttribute? Timer)
{
    public override string ToString() => $"{Name} ({Method.DeclaringType?.Name}.{Method.Name})";
}
