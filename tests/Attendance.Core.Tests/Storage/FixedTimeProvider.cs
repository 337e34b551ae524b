namespace Attendance.Storage;

/// <summary>A clock the test sets, so signatures over <c>x-ms-date</c> are reproducible.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
