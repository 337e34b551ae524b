using Attendance.Organizer;

namespace Attendance.Core.Tests.Organizer;

/// <summary>What the CSV writes so that Excel in any locale, opening it with a double click, keeps each value as it is.</summary>
public sealed class AttendanceCsvTests
{
    [Theory]
    [InlineData("6281234567890", "0812-3456-7890")]
    [InlineData("628123456789", "0812-3456-789")]
    [InlineData("62812345678", "0812-345678")]
    [InlineData("62811234567890", "0811-2345-67890")]
    [InlineData("6591234567", "0065-9123-4567")]
    [InlineData("(dihapus: masa simpan habis)", "(dihapus: masa simpan habis)")]
    public void A_phone_is_written_in_groups_no_locale_reads_as_a_number_and_no_formula_starts(string stored, string written)
    {
        Assert.Equal(written, AttendanceCsv.PhoneText(stored));
        Assert.DoesNotMatch(@"^[0-9]+$", written);
        Assert.DoesNotMatch(@"^[=+\-@]", written);
    }

    [Fact]
    public void The_csv_begins_with_a_byte_order_mark_and_the_header_with_no_sep_line()
    {
        var table = new ListTable("x", [new("Nama", ListCellKind.Text, 10)], [[ListCell.Of("Siti")]]);

        var bytes = AttendanceCsv.Write(table);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Nama\r\nSiti\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
