using Attendance.Api;
using Attendance.Organizer;

namespace Attendance.Core.Tests.Organizer;

/// <summary>The Excel file of the lists, read back by the Open XML SDK: typed cells, an Indonesian header, a frozen header row, a valid package.</summary>
public sealed class AttendanceXlsxTests
{
    private static readonly RegionView Pesawaran = new("18.09", "Kabupaten Pesawaran");

    private static readonly RegionView Lampung = new("18", "Lampung");

    [Fact]
    public async Task The_days_list_has_text_phones_and_ids_a_real_date_a_real_time_and_an_empty_time_for_paper()
    {
        var sheet = XlsxSheet.Read(await AttendanceXlsx.DayAsync(Day(), Ct));

        Assert.Equal("Daftar hadir 06-06-2023", sheet.Name);
        Assert.Equal(["No", "Nama", "Jenis kelamin", "Instansi", "Jenis perpustakaan", "Jabatan", "Kabupaten/Kota", "Provinsi", "Nomor HP", "Email", "Tanggal", "Jam hadir (WIB)", "Kanal", "ID kiriman"],
            sheet.Row(1, 14));
        Assert.All(sheet.Row(1, 14).Select((_, i) => sheet[$"{(char)('A' + i)}1"]), c => Assert.Equal(XlsxCellType.Text, c.Type));

        // Siti, signed in on the venue page at 08.05 WIB.
        Assert.Equal(new XlsxCell(XlsxCellType.Number, "1", 0), sheet["A2"]);
        Assert.Equal("Siti Nur'aini", sheet["B2"].Text);
        Assert.Equal("Perempuan", sheet["C2"].Text);
        Assert.Equal(new XlsxCell(XlsxCellType.Text, "6281234567890", 49), sheet["I2"]);
        Assert.Equal(XlsxCellType.Number, sheet["K2"].Type);
        Assert.Equal(14u, sheet["K2"].Format);
        Assert.Equal(new DateTime(2023, 6, 6), DateTime.FromOADate(sheet["K2"].Number));
        Assert.Equal(XlsxCellType.Number, sheet["L2"].Type);
        Assert.Equal(20u, sheet["L2"].Format);
        Assert.Equal(new TimeSpan(8, 5, 0), TimeSpan.FromDays(sheet["L2"].Number).RoundToSeconds());
        Assert.Equal(new XlsxCell(XlsxCellType.Text, "0012", 49), sheet["N2"]);

        // Rahmat, typed in from paper without a check-in time: the date stays, the time is empty.
        Assert.Equal(new DateTime(2023, 6, 6), DateTime.FromOADate(sheet["K3"].Number));
        Assert.Equal(XlsxCellType.Empty, sheet["L3"].Type);
        Assert.Equal("(dihapus: masa simpan habis)", sheet["I3"].Text);
    }

    [Fact]
    public async Task The_header_row_is_frozen_columns_are_sized_and_the_package_is_valid()
    {
        var sheet = XlsxSheet.Read(await AttendanceXlsx.DayAsync(Day(), Ct));

        Assert.Equal(1, sheet.FrozenRows);
        Assert.Equal(14, sheet.Widths.Count);
        Assert.All(sheet.Widths, w => Assert.InRange(w, 5, 60));
        Assert.True(sheet.Widths[1] > sheet.Widths[0], "the name column is wider than the number column");
        Assert.Empty(sheet.Errors);
    }

    [Fact]
    public async Task A_value_that_starts_like_a_formula_is_text_not_a_formula()
    {
        var day = Day();
        day = day with { Attendees = [day.Attendees[0] with { FullName = "=HYPERLINK(\"http://x\",\"klik\")", Institution = "+SUM(1;2)", Position = "@cmd" }] };

        var sheet = XlsxSheet.Read(await AttendanceXlsx.DayAsync(day, Ct));

        Assert.Equal(0, sheet.Formulas);
        Assert.Equal(new XlsxCell(XlsxCellType.Text, "=HYPERLINK(\"http://x\",\"klik\")", 0), sheet["B2"]);
        Assert.Equal("+SUM(1;2)", sheet["D2"].Text);
        Assert.Equal("@cmd", sheet["F2"].Text);
    }

    [Fact]
    public async Task The_recap_has_a_column_per_day_counts_as_numbers_and_the_same_header_as_the_csv()
    {
        string[] days = ["2023-06-05", "2023-06-06"];
        var recap = new EventAttendanceSheet("bimtek-lampung", "Bimtek SPP-TIK Lampung", null, days, days.ToDictionary(d => d, _ => 1),
            [new ParticipantDays(1, "Ni Luh Putu Ayu Dewi", "Perpustakaan Kota", Pesawaran, Lampung, "6281234567890", null, [days[1]], false)], []);

        var sheet = XlsxSheet.Read(await AttendanceXlsx.WholeAsync(recap, Ct));
        var csvHeader = System.Text.Encoding.UTF8.GetString(AttendanceCsv.Whole(recap)).TrimStart('\uFEFF').Split("\r\n")[0].Split(',');

        Assert.Equal("Rekap kehadiran", sheet.Name);
        Assert.Equal(csvHeader, sheet.Row(1, 11));
        Assert.Equal(["1", "Ni Luh Putu Ayu Dewi", "Perpustakaan Kota", "Kabupaten Pesawaran", "Lampung", "6281234567890", "", "", "hadir", "1", "tidak"], sheet.Row(2, 11));
        Assert.Equal(XlsxCellType.Text, sheet["F2"].Type);
        Assert.Equal(XlsxCellType.Number, sheet["J2"].Type);
        Assert.Equal(1, sheet.FrozenRows);
        Assert.Empty(sheet.Errors);
    }

    private static DayAttendance Day()
    {
        var at = new DateTimeOffset(2023, 6, 6, 8, 5, 0, TimeSpan.FromHours(7));
        var siti = new Attendee(1, "Siti Nur'aini", "female", "Perpustakaan Desa Sukamaju", "village_library", "Kepala", Lampung, Pesawaran,
            "6281234567890", "siti@perpusdes.id", "2023-06-06", at, at.AddSeconds(2), "venue-form", "0012", ContactsCleared: false);
        var rahmat = siti with
        {
            Number = 2, FullName = "Rahmat Hidayat", CheckInAt = null, ReceivedAt = at.AddHours(12), Channel = "paper", SubmissionId = "paper:7",
            Phone = null, Email = null, ContactsCleared = true,
        };
        return new DayAttendance("bimtek-lampung", "Bimtek SPP-TIK Lampung", "Swiss-Belhotel Bandar Lampung", "2023-06-06", "WIB", 2, [siti, rahmat]);
    }
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundToSeconds(this TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
}
