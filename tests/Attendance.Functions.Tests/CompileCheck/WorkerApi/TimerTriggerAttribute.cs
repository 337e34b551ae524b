using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Declaration of the Worker 2.x <c>TimerTriggerAttribute</c> (Worker.Extensions.Timer).</summary>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>A 6-field NCRONTAB expression, a TimeSpan, or <c>%Setting%</c> naming an app setting.</summary>
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    /// <summary>The schedule expression.</summary>
    public string Schedule { get; private set; }

    /// <summary>Whether occurrences are persisted so a restart does not skip one.</summary>
    public bool UseMonitor { get; set; }

    /// <summary>Whether the function also runs when the host starts (every scale-out and restart).</summary>
    public bool RunOnStartup { get; set; }
}
