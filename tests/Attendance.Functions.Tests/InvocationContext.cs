using System.Collections.Concurrent;

namespace Attendance.Functions.Tests;

/// <summary>
/// The part of a function invocation's <see cref="FunctionContext"/> that functions here use: the invocation's
/// services (for <c>GetLogger</c>). The rest belongs to the worker's gRPC plumbing and is not reached.
/// </summary>
internal sealed class InvocationContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => throw Unused();

    public override TraceContext TraceContext => throw Unused();

    public override BindingContext BindingContext => throw Unused();

    public override RetryContext RetryContext => throw Unused();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw Unused();

    public override IDictionary<object, object> Items { get; set; } = new ConcurrentDictionary<object, object>();

    public override IInvocationFeatures Features => throw Unused();

    private static NotSupportedException Unused() => new("Not part of what the functions under test use.");
}
