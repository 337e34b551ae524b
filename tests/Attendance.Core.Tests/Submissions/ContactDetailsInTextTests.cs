namespace Attendance.Core.Tests.Submissions;

/// <summary>Contact details hidden in free text are refused, and the numbers Indonesian institutions and positions carry are not (<see cref="ContactDetailsInText"/>).</summary>
public sealed class ContactDetailsInTextTests
{
    [Theory]
    [InlineData("budi.santoso@example.id 0812-3456-7890")]
    [InlineData("Perpustakaan Desa Sukamaju (budi@perpusdes.id)")]
    [InlineData("Perpustakaan Desa Sukamaju, hubungi 0812 3456 7890")]
    [InlineData("Dinas Perpustakaan telp. (0721) 481 234")]
    [InlineData("Pustakawan +62 812-3456-7890")]
    [InlineData("Kepala +62 (0)812 3456 7890")]
    [InlineData("SMA Negeri 1 Bandar Lampung 0812.3456.7890")]
    [InlineData("Tahun 2023 081234567890")]
    [InlineData("WA 812 3456 7890")]
    [InlineData("Pustakawan ０８１２３４５６７８９０")]
    [InlineData("budi＠example.id")]
    [InlineData("surel: siti@perpustakaan.bücher.example.")]
    public void Free_text_holding_an_email_or_a_phone_number_is_refused_naming_the_field(string text)
    {
        var errors = new FieldErrors();
        ContactDetailsInText.Refuse("institution", text, errors);
        Assert.Equal(ContactDetailsInText.Rule, Assert.Single(errors.ToDictionary()["institution"]));
    }

    [Theory]
    [InlineData("SMA Negeri 1 Bandar Lampung")]
    [InlineData("Perpustakaan Desa RT 03/RW 05")]
    [InlineData("Perpustakaan Desa Sukamaju Tahun 2023")]
    [InlineData("Kepala Perpustakaan (2019-2024)")]
    [InlineData("SD Negeri 2 Metro, NPSN 10807123")]
    [InlineData("Jl. Ahmad Yani No. 12, Kode Pos 35111")]
    [InlineData("Pustakawan Ahli Muda sejak 01-07-2015")]
    [InlineData("Kepala Perpustakaan periode 01-07-2015 - 30-06-2020")]
    [InlineData("Masa jabatan 2015-07-01 s.d. 2020-06-30")]
    [InlineData("Pelatihan 5/6/2023 - 8/6/2023")]
    [InlineData("SK No. 800/123/IV.02/2023")]
    [InlineData("Perpustakaan @perpusdes_sukamaju")]
    [InlineData("Pustakawan Ahli Pertama, Gol. III/a")]
    [InlineData("Taman Bacaan 17 Agustus 1945")]
    public void Indonesian_institutions_and_positions_with_numbers_are_not_contact_details(string text)
    {
        var errors = new FieldErrors();
        ContactDetailsInText.Refuse("institution", text, errors);
        Assert.Empty(errors.ToDictionary());
    }
}
