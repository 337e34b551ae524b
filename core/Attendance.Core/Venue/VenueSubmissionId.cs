namespace Attendance.Venue;

/// <summary>
/// The idempotency key of a venue sign-in. The page makes a random key once on the phone (the hidden field
/// <c>clientKey</c>: 32 hex digits from <c>crypto.getRandomValues</c>) and sends it with every retry; the handler
/// passes it on as the submission's id with the source <c>venue-form</c>, so the store keeps it as
/// <c>venue-form:{clientKey}</c> (a client's id reaches as far as its source: docs/forms.md). The source keeps these
/// ids apart from the ids API clients choose, and a participant never names a stored id: a field called
/// <c>submissionId</c> is dropped, and a guessed key of somebody else's only earns a duplicate receipt, never a
/// write. A post without a usable key gets a fresh server-made one.
/// </summary>
public static class VenueSubmissionId
{
    /// <summary>The key to pass on: the phone's when it is one the page makes, else a new one of the same shape.</summary>
    public static string From(string? clientKey) =>
        IsClientKey(clientKey) ? clientKey!.ToLowerInvariant() : Guid.CreateVersion7().ToString("N");

    /// <summary>Whether <paramref name="value"/> has the shape of the page's key: 32 hex digits.</summary>
    public static bool IsClientKey(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigit);
}
