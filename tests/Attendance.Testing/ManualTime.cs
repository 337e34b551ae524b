namespace Attendance.Testing;

/// <summary>A clock the test sets: for behaviour that depends on the date (an event's form window).</summary>
public sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
