using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Attendance.Export;
using Microsoft.Extensions.Options;

namespace Attendance.Venue;

/// <summary>
/// The server's stamp in a sign-in page: the instant it served the page and the event it served it for, signed
/// (HMAC-SHA256) with a key derived from <c>Export:PseudonymKey</c>, a server secret no page, link or client ever sees.
/// A sign-in kept on the phone and sent later carries its page's stamp, so the day it is stored for is never earlier
/// than the day the server served that page, whatever the phone states. A stamp says nothing about who used the page or where: anyone who
/// opened the link that day holds one.
/// </summary>
public sealed class VenueStamp(IOptions<ExportOptions> options)
{
    /// <summary>The hidden field that carries the stamp.</summary>
    public const string Field = "pageStamp";

    /// <summary>The field the page sets on a sign-in it kept while there was no connection.</summary>
    public const string KeptOfflineField = "keptOffline";

    // The day a stamp's validity is counted in: western Indonesia (WIB, UTC+7), the zone whose day ends last, as the
    // form's closing time is.
    private static readonly TimeSpan DayOffset = TimeSpan.FromHours(7);

    /// <summary>How far ahead of the server's clock a stamp may be (instances' clocks differ slightly).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // A key of its own, derived with a fixed label, so a stamp reveals nothing of the pseudonym key and the two uses cannot
    // be mistaken for each other.
    private readonly byte[] key = HMACSHA256.HashData(options.Value.PseudonymSecret(), "attendance/venue-page-stamp/v1"u8);

    /// <summary>The stamp of a page of <paramref name="eventId"/> served at <paramref name="servedAt"/>: <c>{unix seconds}.{mac}</c>.</summary>
    public string Issue(string eventId, DateTimeOffset servedAt)
    {
        var seconds = servedAt.ToUnixTimeSeconds();
        return seconds.ToString(CultureInfo.InvariantCulture) + "." + Convert.ToBase64String(Mac(eventId, seconds)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// When the page was served, if <paramref name="stamp"/> is this server's stamp for <paramref name="eventId"/> and
    /// <paramref name="now"/> is before <see cref="ExpiresAt"/>; else null.
    /// </summary>
    public DateTimeOffset? Read(string eventId, string? stamp, DateTimeOffset now)
    {
        if (stamp is not { Length: < 64 } || stamp.Split('.') is not [var secondsText, var macText]
            || !long.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(macText.Replace('-', '+').Replace('_', '/').PadRight((macText.Length + 3) / 4 * 4, '='));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Mac(eventId, seconds)))
        {
            return null;
        }

        var servedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return servedAt <= now + ClockSkew && now < ExpiresAt(servedAt) ? servedAt : null;
    }

    /// <summary>
    /// The end of the day after the day a page was served (WIB): a sign-in kept on a page opened early on the last day
    /// and sent the next morning still carries a valid stamp. Counted from the serving, not from when the sign-in was
    /// made, which the server cannot know: a fixed 24 hours would expire before a sign-in made later that day is sent.
    /// </summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset servedAt) =>
        new(DateOnly.FromDateTime(servedAt.ToOffset(DayOffset).DateTime).AddDays(2).ToDateTime(TimeOnly.MinValue), DayOffset);

    private byte[] Mac(string eventId, long seconds) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(eventId + "\n" + seconds.ToString(CultureInfo.InvariantCulture)));
}
