using System.Text;
using System.Web;
using Azure.Core;

namespace Attendance.Storage.Auth;

/// <summary>
/// SharedKey for the Blob service (versions 2015-02-21 and later): verb, the standard headers, the
/// canonicalized <c>x-ms-*</c> headers and the canonicalized resource with every query parameter.
/// </summary>
internal sealed class SharedKeyPolicy : SharedKeyPolicyBase
{
    public SharedKeyPolicy(StorageSharedKey key, TimeProvider timeProvider)
        : base(key, timeProvider)
    {
    }

    protected override string Scheme => "SharedKey";

    internal override string StringToSign(Request request)
    {
        var length = request.Content is not null && request.Content.TryComputeLength(out var n) && n > 0
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: empty because x-ms-date is sent instead.
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        text.Append(CanonicalizedPath(request));
        var query = HttpUtility.ParseQueryString(request.Uri.ToUri().Query);
        foreach (var name in query.AllKeys.OfType<string>().OrderBy(k => k.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var values = query.GetValues(name) ?? [];
            text.Append('\n').Append(name.ToLowerInvariant()).Append(':')
                .Append(string.Join(',', values.Order(StringComparer.Ordinal)));
        }

        return text.ToString();
    }
}
