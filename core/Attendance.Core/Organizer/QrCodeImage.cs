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

    private static QRCodeData Encode(Uri link)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
    }

    // ModuleMatrix includes the quiet zone.
    private static int PixelsPerModule(QRCodeData data) => Math.Max(4, PrintPixels / data.ModuleMatrix.Count);
}
