namespace Attendance.Forms;

/// <summary>
/// The stored submission id of a venue sign-in. The page makes a random key once on the phone (the hidden field
/// <c>clientKey</c>: 32 hex digits from <c>crypto.getRandomValues</c>) and sends it with every retry; the handler
/// stores the sign-in under <c>venue:{clientKey}</c>. The channel's prefix keeps these ids apart from the ids API
/// clients choose, and a participant never names a stored id: a guessed key of somebody else's only earns a
/// duplicate receipt, never a write. A post without a usable key gets a fresh server-made id.
/// </summary>
public static class VenueSubmissionId
{
    public const string Prefix = "venue:";

    /// <summary>The id to store: from the phone's key when it is one the page makes, else a new one.</summary>
    public static string From(string? clientKey) =>
        IsClientKey(clientKey) ? Prefix + clientKey!.ToLowerInvariant() : Prefix + Guid.CreateVersion7().ToString("N");

    /// <summary>Whether <paramref name="value"/> has the shape of the page's key: 32 hex digits.</summary>
    public static bool IsClientKey(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigit);
}
