using Attendance.Storage.Blobs;
using Xunit;

namespace Attendance.Storage;

public sealed class BlobPathsTests
{
    [Fact]
    public void Segments_are_percent_encoded_and_slashes_kept()
    {
        Assert.Equal("exports/region%3DJawa%20Barat/a%2Bb%23%3F%C3%A9.parquet", BlobPaths.Blob("exports", "region=Jawa Barat/a+b#?é.parquet"));
    }

    [Theory]
    [InlineData("../other-container/x")]
    [InlineData("a/./b")]
    [InlineData("a/..")]
    public void Dot_segments_are_refused_because_uri_normalisation_would_redirect_them(string name)
    {
        Assert.Throws<ArgumentException>(() => BlobPaths.Blob("exports", name));
    }
}
