using System.Text;
using System.Text.Encodings.Web;

namespace Attendance.Venue;

/// <summary>A short Indonesian page for a browser that cannot be shown the form: a wrong link, a closed form, a flood.</summary>
public static class MessagePage
{
    public static string Render(string title, string message, string? hint = null)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(1024);
        Layout.Head(page, title);
        page.Append("<main id=\"main\"><h1>").Append(html.Encode(title)).Append("</h1><p>").Append(html.Encode(message)).Append("</p>");
        if (hint is not null)
        {
            page.Append("<p class=\"hint\">").Append(html.Encode(hint)).Append("</p>");
        }

        page.Append("</main></body></html>");
        return page.ToString();
    }
}
