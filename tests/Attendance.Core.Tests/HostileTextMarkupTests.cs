using System.Globalization;

namespace Attendance.Core.Tests;

/// <summary>The check the hostile-text tests rely on (<see cref="HostileTextMarkup"/>) sees what text written raw does.</summary>
public sealed class HostileTextMarkupTests
{
    private const string Plain = "Siti Nurhaliza";

    [Fact]
    public void The_shape_of_a_page_sees_what_raw_text_would_add()
    {
        // The check itself, on text written raw: every sample changes the markup or the text, except the invisible
        // characters, which are as harmless raw as encoded.
        const string page = "<main><p class=\"name\">{0}</p><input name=\"fullName\" value=\"{0}\"><input name='x' value='{0}'></main>";
        var plain = string.Format(CultureInfo.InvariantCulture, page, Plain);
        var caught = HostileText.All.Where(hostile =>
        {
            var raw = string.Format(CultureInfo.InvariantCulture, page, hostile);
            return !HostileTextMarkup.Shape(plain).SequenceEqual(HostileTextMarkup.Shape(raw))
                || !HostileTextMarkup.Text(raw).Contains(hostile, StringComparison.Ordinal);
        });

        Assert.Equal(HostileText.All.Except([HostileText.RightToLeft]), caught);
    }

    [Fact]
    public void Encoded_text_keeps_the_shape_and_decodes_to_what_was_typed()
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        const string page = "<main><p class=\"name\">{0}</p><input name=\"fullName\" value=\"{0}\"></main>";
        var plain = string.Format(CultureInfo.InvariantCulture, page, Plain);
        Assert.All(HostileText.All, hostile =>
        {
            var encoded = string.Format(CultureInfo.InvariantCulture, page, encoder.Encode(hostile));
            Assert.Equal(HostileTextMarkup.Shape(plain), HostileTextMarkup.Shape(encoded));
            Assert.Contains(hostile, HostileTextMarkup.Text(encoded), StringComparison.Ordinal);
        });
    }
}
