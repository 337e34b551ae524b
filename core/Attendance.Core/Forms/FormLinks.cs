using Attendance.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Attendance.Forms;

/// <summary>
/// The absolute sign-in link of an event, which the QR code holds and the organizer shares: from
/// <see cref="FormOptions.PublicBaseUrl"/> when set (the address participants reach, which behind a proxy or custom
/// domain the request cannot know), else from the request's own scheme and host.
/// </summary>
public sealed class FormLinks(IOptions<FormOptions> options)
{
    public Uri For(TrainingEvent e, HttpRequest request)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}"
            : configured;
        return new Uri($"{root.TrimEnd('/')}/api/events/{Uri.EscapeDataString(e.Id)}/form?token={Uri.EscapeDataString(e.FormToken)}");
    }
}
