namespace Attendance.Submissions;

/// <summary>Where the attendance store keeps its tables (settings section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>The table of training events. Default <c>events</c>.</summary>
    public string EventsTable { get; set; } = "events";

    /// <summary>The table of submissions, one partition per event. Default <c>submissions</c>.</summary>
    public string SubmissionsTable { get; set; } = "submissions";
}
