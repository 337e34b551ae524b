using Attendance.Events;
using Attendance.Export;
using Microsoft.Extensions.Options;

namespace Attendance.Privacy;

/// <summary>
/// The privacy notice of one event as the settings make it: the event's <see cref="TrainingEvent.PrivacyContact"/>
/// or else <see cref="PrivacyOptions.Contact"/>, and <see cref="PrivacyOptions.ContactRetention"/>. The words are
/// <see cref="PrivacyNoticeText"/>'s.
/// </summary>
public sealed class PrivacyNotice(IOptions<PrivacyOptions> privacy, IOptions<ExportOptions> export)
{
    /// <summary>How long contacts stay after an event's last day.</summary>
    public TimeSpan ContactRetention => privacy.Value.ContactRetention;

    /// <summary>Whether the analytics files carry names (<c>Export:IncludeNames</c>); the full notice says which.</summary>
    public bool AnalyticsCarryNames => export.Value.IncludeNames;

    /// <summary>Whom participants contact about their data: the event's own contact, else the setting; null when neither is set.</summary>
    public string? ContactFor(TrainingEvent? trainingEvent) =>
        NonEmpty(trainingEvent?.PrivacyContact) ?? NonEmpty(privacy.Value.Contact);

    /// <summary>The short notice beside the form's send button.</summary>
    public string ShortFor(TrainingEvent? trainingEvent) =>
        PrivacyNoticeText.Short(trainingEvent?.Name, ContactRetention, ContactFor(trainingEvent));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
