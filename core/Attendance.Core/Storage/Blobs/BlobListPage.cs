using System.Globalization;
using System.Xml.Linq;

namespace Attendance.Storage.Blobs;

/// <summary>One page of a List Blobs answer (<c>EnumerationResults</c> XML) and the marker of the next page.</summary>
internal sealed record BlobListPage(IReadOnlyList<BlobItem> Blobs, string? NextMarker)
{
    public static BlobListPage Parse(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("The blob list is empty.");
        var blobs = root.Element("Blobs")?.Elements("Blob")
            .Select(blob =>
            {
                var properties = blob.Element("Properties");
                return new BlobItem(
                    blob.Element("Name")?.Value ?? throw new FormatException("A listed blob has no name."),
                    long.Parse(properties?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(properties?.Element("Last-Modified")?.Value ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            })
            .ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobListPage(blobs, string.IsNullOrEmpty(next) ? null : next);
    }
}
