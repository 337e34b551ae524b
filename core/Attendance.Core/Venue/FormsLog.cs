using Microsoft.Extensions.Logging;

namespace Attendance.Venue;

/// <summary>
/// What the venue page and the organizer's routes log. Never the form token, a link that carries it, or a
/// participant's address: event ids only.
/// </summary>
internal static partial class FormsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Sign-in requests are being rate limited for an address (bucket {Bucket}, event {EventId}); further refusals of this bucket in the next minute are not logged")]
    public static partial void RateLimited(ILogger logger, string bucket, string eventId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "The form token of event {EventId} was rotated; the old link is refused from now on")]
    public static partial void TokenRotated(ILogger logger, string eventId);
}
