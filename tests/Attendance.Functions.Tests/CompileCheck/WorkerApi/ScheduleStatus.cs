namespace Microsoft.Azure.Functions.Worker;

/// <summary>Declaration of the Worker 2.x <c>ScheduleStatus</c> (Worker.Extensions.Timer).</summary>
public class ScheduleStatus
{
    /// <summary>The last recorded occurrence.</summary>
    public DateTime Last { get; set; }

    /// <summary>The next expected occurrence.</summary>
    public DateTime Next { get; set; }

    /// <summary>When the status was last written.</summary>
    public DateTime LastUpdated { get; set; }
}
