using System.Text;
using System.Text.Encodings.Web;
using Attendance.Events;
using Attendance.Venue;

namespace Attendance.Organizer;

/// <summary>
/// The poster for the registration table: the event's name, its dates in Indonesian, the venue and its city, the
/// sign-in link's QR code as large as the page allows (inline SVG, error correction level Q), a short instruction
/// and the link in text for a phone that cannot scan. One A4 page when printed: the page's box is the printable
/// height of A4 and the code shrinks to leave room for a long name, so nothing flows onto a second sheet.
/// </summary>
public static class QrPosterPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(TrainingEvent trainingEvent, Uri link)
    {
        var page = new StringBuilder(16_384)
            .Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>")
            .Append(Html.Encode("Poster daftar hadir " + trainingEvent.Name)).Append("</title><style>").Append(PageAssets.PosterStyles)
            .Append("</style></head><body><main class=\"poster\"><p class=\"kicker\">Daftar Hadir</p><h1>").Append(Html.Encode(trainingEvent.Name))
            .Append("</h1><p class=\"when\">").Append(IndonesianDates.Range(trainingEvent.StartDate, trainingEvent.EndDate)).Append("</p>");
        var where = Where(trainingEvent);
        if (where.Count > 0)
        {
            page.Append("<p class=\"where\">").AppendJoin("<br>", where.Select(Html.Encode)).Append("</p>");
        }

        return page.Append("<div class=\"qr\">").Append(QrCodeImage.InlineSvg(link, "Kode QR daftar hadir")).Append("</div>")
            .Append("<p class=\"how\"><strong>Pindai kode QR ini dengan kamera ponsel</strong><br>untuk mengisi daftar hadir.</p>")
            .Append("<p class=\"how-more\">Isi sekali setiap hari kegiatan. Tidak perlu memasang aplikasi.</p>")
            .Append("<p class=\"link\">Tidak bisa memindai? Buka tautan ini di ponsel:<span>").Append(Html.Encode(link.AbsoluteUri)).Append("</span></p>")
            .Append("</main></body></html>").ToString();
    }

    /// <summary>The venue, then the city and province ("Kota Bandar Lampung, Lampung"), each when the event has it.</summary>
    private static List<string> Where(TrainingEvent trainingEvent)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(trainingEvent.Venue))
        {
            lines.Add(trainingEvent.Venue);
        }

        var place = string.Join(", ", new[] { trainingEvent.Regency?.Name, trainingEvent.Province?.Name }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (place.Length > 0)
        {
            lines.Add(place);
        }

        return lines;
    }
}
