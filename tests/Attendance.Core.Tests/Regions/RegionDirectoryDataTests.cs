namespace Attendance.Core.Tests.Regions;

public class RegionDirectoryDataTests
{
    private static readonly RegionDirectory Directory = RegionDirectory.Official;

    [Fact]
    public void The_official_list_has_38_provinces_and_514_regencies_in_552_rows()
    {
        Assert.Equal(38, Directory.Provinces.Count);
        Assert.Equal(514, Directory.Regencies.Count);
        Assert.Equal(552, Directory.All.Count);
        Assert.All(Directory.Provinces, p => Assert.Equal(RegionLevel.Province, p.Level));
        Assert.All(Directory.Regencies, r => Assert.Equal(RegionLevel.Regency, r.Level));
    }

    [Fact]
    public void Every_regency_has_an_existing_province_as_parent_and_provinces_have_none()
    {
        Assert.All(Directory.Provinces, p => Assert.Null(p.ParentCode));
        Assert.All(Directory.Regencies, r =>
        {
            Assert.True(Directory.TryGet(r.ParentCode!, out var parent), $"{r} has no parent");
            Assert.Equal(RegionLevel.Province, parent.Level);
            Assert.StartsWith(parent.Code + ".", r.Code, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Codes_are_unique_and_the_regencies_of_all_provinces_add_up_to_514()
    {
        Assert.Equal(552, Directory.All.Select(r => r.Code).Distinct().Count());
        Assert.Equal(514, Directory.Provinces.Sum(p => Directory.RegenciesOf(p.Code).Count));
    }

    [Fact]
    public void Names_carry_no_surrounding_whitespace_even_where_the_source_had_some()
    {
        Assert.All(Directory.All, r => Assert.Equal(r.Name.Trim(), r.Name));
        Assert.True(Directory.TryGet("31.72", out var jakartaUtara));
        Assert.Equal("Kota Administrasi Jakarta Utara", jakartaUtara.Name);
    }

    [Fact]
    public void Every_regency_name_starts_with_Kabupaten_or_Kota()
    {
        Assert.All(Directory.Regencies, r =>
            Assert.True(r.Name.StartsWith("Kabupaten ", StringComparison.Ordinal)
                        || r.Name.StartsWith("Kota ", StringComparison.Ordinal), r.Name));
    }

    [Theory]
    [InlineData("18", "Lampung")]
    [InlineData("18.71", "Kota Bandar Lampung")]
    [InlineData("1871", "Kota Bandar Lampung")]
    [InlineData("  18.72 ", "Kota Metro")]
    [InlineData("13.02", "Kabupaten Solok")]
    public void A_region_is_found_by_its_code_however_the_code_is_written(string code, string name)
    {
        Assert.True(Directory.TryGet(code, out var region));
        Assert.Equal(name, region.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("18.99")]
    [InlineData("187")]
    [InlineData("Lampung")]
    [InlineData("99")]
    public void An_unknown_or_malformed_code_is_not_found(string code)
    {
        Assert.False(Directory.TryGet(code, out var region));
        Assert.Null(region);
    }

    [Fact]
    public void The_regencies_of_Lampung_are_its_13_kabupaten_and_2_kota_in_code_order()
    {
        var lampung = Directory.RegenciesOf("18");

        Assert.Equal(15, lampung.Count);
        Assert.Equal("18.01", lampung[0].Code);
        Assert.Equal("18.72", lampung[^1].Code);
        Assert.Empty(Directory.RegenciesOf("18.71"));
    }

    [Fact]
    public void The_official_directory_is_loaded_once_and_shared()
    {
        Assert.Same(RegionDirectory.Official, RegionDirectory.Official);
    }
}
