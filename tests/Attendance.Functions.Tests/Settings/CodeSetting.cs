using System.Reflection;

namespace Attendance.Functions.Tests.Settings;

/// <summary>
/// A setting core reads, in app-setting form (<c>Section__Property</c>). <see cref="Property"/> is null for the
/// top-level keys read without an options class.
/// </summary>
internal sealed record CodeSetting(string Key, Type? OptionsType, PropertyInfo? Property)
{
    /// <summary>The property's value on a new options object: the default that applies when nothing is set.</summary>
    public object? CodeDefault =>
        OptionsType?.GetConstructor(Type.EmptyTypes) is { } constructor ? Property!.GetValue(constructor.Invoke(null)) : null;

    public bool IsSecret => Property?.Name.EndsWith("Key", StringComparison.Ordinal) == true;
}
