using System.Security.Cryptography;
using System.Text;

namespace Attendance.Venue;

/// <summary>
/// The script and styles the public pages inline, read once from embedded files, and the Content-Security-Policy
/// that allows exactly them by hash: no script from anywhere else, inline or not, runs on the page.
/// </summary>
public static class PageAssets
{
    /// <summary>The venue page's script (progressive: the form works without it).</summary>
    public static string Script { get; } = Read("Attendance.Venue.venue.js");

    /// <summary>The styles of the venue page and of the Indonesian error pages.</summary>
    public static string Styles { get; } = Read("Attendance.Venue.venue.css");

    /// <summary>The styles of the organizer's printable lists.</summary>
    public static string PrintStyles { get; } = Read("Attendance.Organizer.print.css");

    /// <summary>The styles of the printable QR poster.</summary>
    public static string PosterStyles { get; } = Read("Attendance.Organizer.poster.css");

    /// <summary>
    /// The policy of every page this product renders: nothing by default, the two inline blocks by hash, fetch and
    /// form posts to this origin only, no framing, no base-URI tricks.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; " +
        $"script-src '{Hash(Script)}'; " +
        $"style-src '{Hash(Styles)}' '{Hash(PrintStyles)}' '{Hash(PosterStyles)}'; " +
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Read(string name)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
