namespace Attendance.Core.Tests.Regions;

public class ProvinceResolutionTests
{
    private static readonly RegionDirectory Directory = RegionDirectory.Official;

    [Theory]
    [InlineData("Lampung", "18")]
    [InlineData("lampung", "18")]
    [InlineData("  LAMPUNG  ", "18")]
    [InlineData("Provinsi Lampung", "18")]
    [InlineData("Prov. Lampung", "18")]
    [InlineData("Prop. Lampung", "18")]
    [InlineData("Propinsi Lampung", "18")]
    [InlineData("18", "18")]
    [InlineData(" 18 ", "18")]
    [InlineData("Sumatera Barat", "13")]
    [InlineData("Sumatra Barat", "13")]
    [InlineData("sumatera-barat", "13")]
    [InlineData("Kepulauan Riau", "21")]
    [InlineData("Kep. Riau", "21")]
    [InlineData("Riau", "14")]
    [InlineData("Kep. Bangka Belitung", "19")]
    [InlineData("Daerah Khusus Ibukota Jakarta", "31")]
    [InlineData("Daerah Istimewa Yogyakarta", "34")]
    [InlineData("Papua Barat Daya", "96")]
    [InlineData("Papua Barat", "92")]
    [InlineData("Papua", "91")]
    public void A_province_is_found_by_its_official_name_or_code_in_any_case_and_spacing(string input, string code)
    {
        var result = Directory.ResolveProvince(input);

        Assert.Equal(code, ResolvedCode.Of(result));
        Assert.Equal(RegionResolutionStatus.Found, result.Status);
        Assert.Empty(result.Candidates);
        Assert.Empty(result.Suggestions);
    }

    [Theory]
    [InlineData("DKI Jakarta", "31")]
    [InlineData("DKI", "31")]
    [InlineData("Jakarta", "31")]
    [InlineData("Prov. DKI Jakarta", "31")]
    [InlineData("Daerah Khusus Jakarta", "31")]
    [InlineData("DI Yogyakarta", "34")]
    [InlineData("D.I. Yogyakarta", "34")]
    [InlineData("DIY", "34")]
    [InlineData("Yogyakarta", "34")]
    [InlineData("Jogja", "34")]
    [InlineData("Babel", "19")]
    [InlineData("Bangka Belitung", "19")]
    [InlineData("Kepri", "21")]
    [InlineData("NTB", "52")]
    [InlineData("N.T.T.", "53")]
    [InlineData("Sumut", "12")]
    [InlineData("Sumbar", "13")]
    [InlineData("Provinsi Sumsel", "16")]
    [InlineData("Jabar", "32")]
    [InlineData("Jateng", "33")]
    [InlineData("Jatim", "35")]
    [InlineData("Kaltim", "64")]
    [InlineData("Sulsel", "73")]
    [InlineData("NAD", "11")]
    public void A_province_is_found_by_a_common_alias(string input, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Directory.ResolveProvince(input)));
    }

    [Theory]
    [InlineData("Lampong", "18")]
    [InlineData("Jawa Barta", "32")]
    [InlineData("Jatin", "35")]
    public void A_misspelt_province_is_not_found_but_the_intended_one_is_suggested(string input, string code)
    {
        var result = Directory.ResolveProvince(input);

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Null(result.Region);
        Assert.Contains(result.Suggestions, s => s.Code == code);
        Assert.InRange(result.Suggestions.Count, 1, 3);
    }

    [Theory]
    [InlineData("18.71")]
    [InlineData("1871")]
    [InlineData("99")]
    [InlineData("Atlantis")]
    [InlineData("Bandar Lampung")]
    public void A_regency_code_a_regency_name_or_nonsense_is_not_a_province(string input)
    {
        var result = Directory.ResolveProvince(input);

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.False(result.IsFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_province_is_not_found_and_says_it_is_required(string input)
    {
        var result = Directory.ResolveProvince(input);

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Equal("a province is required", result.Message);
        Assert.Empty(result.Suggestions);
    }
}
