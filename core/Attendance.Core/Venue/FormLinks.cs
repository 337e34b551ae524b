using Attendance.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Attendance.Venue;

/// <summary>
/// The absolute sign-in link of an event, which the QR code holds and the organizer shares: from
/// <see cref="FormOptions.PublicBaseUrl"/> (set, or else the host name the platform reports, see
/// <see cref="FormOptions.PlatformHostNameSetting"/>). Only where <see cref="RequestHostLinks"/> is registered (the local
/// server on a developer's machine) may it fall back to the request's own scheme and host: elsewhere the Host header is
/// the client's to choose, and a forged one would print a stranger's address on the venue's QR code.
/// </summary>
public sealed class FormLinks(IOptions<FormOptions> options, IEnumerable<RequestHostLinks> requestHostLinks)
{
    private readonly bool fromRequest = requestHostLinks.Any();

    public Uri For(TrainingEvent e, HttpRequest request)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : fromRequest ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}"
            : throw new InvalidOperationException(FormOptions.PublicBaseUrlRequired);
        return new Uri($"{root.TrimEnd('/')}/api/events/{Uri.EscapeDataString(e.Id)}/form?token={Uri.EscapeDataString(e.FormToken)}");
    }
}
