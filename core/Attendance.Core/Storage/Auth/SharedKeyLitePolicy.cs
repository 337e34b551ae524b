using System.Web;
using Azure.Core;

namespace Attendance.Storage.Auth;

/// <summary>
/// SharedKeyLite for the Table service, as the official SDK signs tables: the date, a newline, and the
/// canonicalized resource, which keeps only the <c>comp</c> query parameter.
/// </summary>
internal sealed class SharedKeyLitePolicy : SharedKeyPolicyBase
{
    public SharedKeyLitePolicy(StorageSharedKey key, TimeProvider timeProvider)
        : base(key, timeProvider)
    {
    }

    protected override string Scheme => "SharedKeyLite";

    internal override string StringToSign(Request request)
    {
        var resource = CanonicalizedPath(request);
        var comp = HttpUtility.ParseQueryString(request.Uri.ToUri().Query)["comp"];
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        return Header(request, "x-ms-date") + "\n" + resource;
    }
}
