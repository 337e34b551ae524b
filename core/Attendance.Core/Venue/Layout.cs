using System.Text;
using System.Text.Encodings.Web;

namespace Attendance.Venue;

/// <summary>The head every public page shares: Indonesian, phone viewport, the hashed inline styles.</summary>
internal static class Layout
{
    public static void Head(StringBuilder page, string title) =>
        page.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            // No favicon request: one round trip less on a slow connection.
            .Append("<link rel=\"icon\" href=\"data:,\">")
            .Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title>")
            .Append("<style>").Append(PageAssets.Styles).Append("</style></head><body>");
}
