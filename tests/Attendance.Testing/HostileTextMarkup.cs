using System.Net;
using System.Text.RegularExpressions;

namespace Attendance.Testing;

/// <summary>
/// What a page builder's HTML is made of, to tell that hostile text stayed text: rendered with hostile text where
/// another render has a plain name, a safe page has the same <see cref="Shape"/> (the same elements with the same
/// attributes, in the same order) and its <see cref="Text"/> holds exactly what was typed. Without an HTML parser: the
/// tags are read by a pattern, enough to see any element, attribute or comment that text written raw would add, and
/// a failing comparison names them.
/// </summary>
public static partial class HostileTextMarkup
{
    /// <summary>The page with its character references decoded: what a browser shows, markup aside.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>
    /// The page's tags, each as its name and its attributes' names (<c>input id name type value</c>), the bodies of
    /// script and style elements left out (the page's own, identical in both renders). An element, an attribute or a
    /// comment that text adds shows as a line of its own or a changed line.
    /// </summary>
    public static IReadOnlyList<string> Shape(string html)
    {
        var withoutBodies = ScriptOrStyleBody().Replace(html, "$1$3");
        var shape = new List<string>();
        foreach (Match tag in Tag().Matches(withoutBodies))
        {
            var text = tag.Value;
            if (text.StartsWith("<!--", StringComparison.Ordinal))
            {
                shape.Add("<!-- comment");
                continue;
            }

            var name = TagName().Match(text).Value.ToLowerInvariant();
            var attributes = Attribute().Matches(text[(name.Length + 1)..]).Select(a => a.Groups["name"].Value.ToLowerInvariant());
            shape.Add(string.Join(' ', [name, .. attributes]));
        }

        return shape;
    }

    [GeneratedRegex(@"(<(script|style)\b[^>]*>)[\s\S]*?(</\2\s*>)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyleBody();

    // A comment (to its end, or to the end of the page when it is never closed), or a start or end tag.
    [GeneratedRegex(@"<!--[\s\S]*?(?:-->|$)|</?[A-Za-z][^\s/>]*(?:""[^""]*""|'[^']*'|[^'"">])*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^</?[A-Za-z][^\s/>]*")]
    private static partial Regex TagName();

    // An attribute's name, with its value double-, single- or unquoted, or none (a boolean attribute).
    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+))?")]
    private static partial Regex Attribute();
}
