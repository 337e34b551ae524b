using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// An accessibility audit of the page as it stands, by axe-core (Deque.AxeCore.Playwright, which carries axe-core
/// 4.14.0) run inside Chromium: every rule axe runs by default, WCAG 2.x A and AA with colour contrast among them. A
/// serious or critical violation fails; the message lists each one's rule id, impact, the elements it found (CSS
/// target) with the messages of its failed checks, and the help text and link. Use it on any page a test has opened:
/// <c>await AxeAudit.AssertCleanAsync(page, "the poster");</c>.
/// </summary>
internal static class AxeAudit
{
    private static readonly string[] Failing = ["serious", "critical"];

    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var failing = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0, Describe(what, failing));
    }

    /// <summary>
    /// The text contrast of <paramref name="element"/> against its own background colour, as WCAG 2 computes it. For the
    /// states axe leaves out: it does not check a disabled control, such as the send button while it sends.
    /// </summary>
    public static async Task<double> ContrastAsync(ILocator element)
    {
        var colours = await element.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }");
        return Contrast(Luminance(colours[0]), Luminance(colours[1]));
    }

    private static double Contrast(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);

    private static double Luminance(string rgb)
    {
        // "rgb(255, 255, 255)" or "rgba(…, 1)" as getComputedStyle gives them.
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',');
        var channels = parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
        return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
    }

    private static string Describe(string what, List<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{what}: {violations.Count} serious or critical axe-core violation(s)");
        foreach (var violation in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                // What axe found wrong with the element: the messages of its failed checks (any, all and none).
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                text.Append(CultureInfo.InvariantCulture, $"\n    {node.Target}: {string.Join("; ", checks)}");
            }
        }

        return text.ToString();
    }
}
