using System.Security.Cryptography;
using System.Text;

namespace Attendance.Events;

/// <summary>
/// The per-event secret that lets a public form (opened from a QR code at the venue) post attendance
/// without the function key. It opens only its own event; when the form is open is the venue's
/// window (<c>Attendance.Venue.VenueWindow</c>).
/// </summary>
public static class FormToken
{
    /// <summary>A new random token: 24 bytes, base64url, 32 characters.</summary>
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    /// <summary>Whether <paramref name="given"/> is the event's token (compared in constant time).</summary>
    public static bool Matches(TrainingEvent trainingEvent, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(trainingEvent.FormToken), Encoding.UTF8.GetBytes(given));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
