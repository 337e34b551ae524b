namespace Microsoft.Azure.Functions.Worker;

/// <summary>Declaration of the Worker 2.x <c>TimerInfo</c> (Worker.Extensions.Timer) a timer function receives.</summary>
public class TimerInfo
{
    /// <summary>The schedule's last and next occurrences; null when monitoring is off.</summary>
    public ScheduleStatus? ScheduleStatus { get; set; }

    /// <summary>Whether this invocation is for an occurrence that was missed.</summary>
    public bool IsPastDue { get; set; }
}
