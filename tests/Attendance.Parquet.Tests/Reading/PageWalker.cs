using Attendance.Parquet.Format;
using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Lists the page headers of every column chunk, so tests can prove a file really has v2 pages, dictionaries or several pages.</summary>
internal static class PageWalker
{
    public static IReadOnlyList<(string Column, PageHeader Header)> Pages(byte[] file)
    {
        var footerLength = BitConverter.ToInt32(file, file.Length - 8);
        var metadata = FileMetadataReader.Read(file.AsMemory(file.Length - 8 - footerLength, footerLength));
        var pages = new List<(string, PageHeader)>();
        foreach (var rowGroup in metadata.RowGroups)
        {
            foreach (var chunk in rowGroup.Columns)
            {
                var position = chunk.DictionaryPageOffset ?? chunk.DataPageOffset;
                var end = position + chunk.TotalCompressedSize;
                while (position < end)
                {
                    var header = PageHeaderReader.Read(file.AsMemory((int)position, (int)(end - position)), "test");
                    pages.Add((chunk.Path[0], header));
                    position += header.HeaderLength + header.CompressedSize;
                }
            }
        }

        return pages;
    }

    public static bool HasDataPageV2(byte[] file) => Pages(file).Any(p => p.Header.Type == FormatValues.DataPageV2);

    public static int DataPages(byte[] file, string column) =>
        Pages(file).Count(p => p.Column == column && p.Header.Type is PageType.DataPage or FormatValues.DataPageV2);
}
