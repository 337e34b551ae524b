using QRCoder;

namespace Attendance.Organizer;

/// <summary>
/// The QR code of an event's sign-in link, for printing at the venue: error correction level Q (a quarter of the
/// code may be smudged or covered by tape and it still reads), the standard four-module quiet zone, and about
/// <see cref="PrintPixels"/> pixels wide, 10 cm at 300 dpi, so it stays sharp on an A4 poster or a table card.
/// </summary>
public static class QrCodeImage
{
    /// <summary>The PNG's approximate width and height in pixels.</summary>
    public const int PrintPixels = 1200;

    public static byte[] Png(Uri link)
    {
        using var data = Encode(link);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(PixelsPerModule(data));
    }

    public static string Svg(Uri link)
    {
        using var data = Encode(link);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(PixelsPerModule(data));
    }

    /// <summary>
    /// The code as an SVG element to place inside an HTML page: scaled by its <c>viewBox</c> (one unit a module, quiet
    /// zone included) to whatever size the page gives it, colours as attributes (the pages' CSP allows no inline
    /// style), and named for screen readers by <paramref name="label"/>.
    /// </summary>
    public static string InlineSvg(Uri link, string label)
    {
        using var data = Encode(link);
        using var svg = new SvgQRCode(data);
        var element = svg.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "<svg role=\"img\" aria-label=\"" + System.Net.WebUtility.HtmlEncode(label) + "\" " + element["<svg ".Length..];
    }

    private static QRCodeData Encode(Uri link)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
    }

    // ModuleMatrix includes the quiet zone.
    private static int PixelsPerModule(QRCodeData data) => Math.Max(4, PrintPixels / data.ModuleMatrix.Count);
}
