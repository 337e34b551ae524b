namespace Attendance.Core.Tests.Regions;

public class RegionAliasTests
{
    private const string Csv = """
        code,name,level,parent_code
        13,"Sumatera Barat",province,
        13.02,"Kabupaten Solok",regency,13
        13.72,"Kota Solok",regency,13
        18,"Lampung",province,
        18.72,"Kota Metro",regency,18
        """;

    [Fact]
    public void Every_province_alias_resolves_to_its_own_province()
    {
        Assert.All(RegionAliases.Provinces, alias =>
        {
            Assert.Equal(alias.Code, ResolvedCode.Of(RegionDirectory.Official.ResolveProvince(alias.Alias)));
        });
    }

    [Fact]
    public void Every_regency_alias_resolves_to_its_own_regency_within_its_province()
    {
        Assert.All(RegionAliases.Regencies, alias =>
        {
            Assert.True(RegionDirectory.Official.TryGet(alias.Code, out var regency));
            Assert.True(RegionDirectory.Official.TryGet(regency.ParentCode!, out var province));
            Assert.Equal(alias.Code, ResolvedCode.Of(RegionDirectory.Official.ResolveRegency(alias.Alias, province)));
        });
    }

    [Fact]
    public void No_regency_alias_matches_a_regency_in_another_province()
    {
        foreach (var (code, alias) in RegionAliases.Regencies)
        {
            foreach (var province in RegionDirectory.Official.Provinces.Where(p => !code.StartsWith(p.Code + ".", StringComparison.Ordinal)))
            {
                var result = RegionDirectory.Official.ResolveRegency(alias, province);
                Assert.False(result.IsFound, $"{alias} matched {result.Region} in {province}");
            }
        }
    }

    [Fact]
    public void The_test_data_loads_with_harmless_aliases()
    {
        var directory = RegionDirectory.Load(new StringReader(Csv), [("18", "Lpg")], [("18.72", "Metro Raya")]);

        Assert.Equal("18", directory.ResolveProvince("lpg").Region?.Code);
        Assert.True(directory.TryGet("18", out var lampung));
        Assert.Equal("18.72", directory.ResolveRegency("metro raya", lampung).Region?.Code);
    }

    [Theory]
    [InlineData("13", "Lampung")]
    [InlineData("18", "Sumbar")]
    [InlineData("18.72", "Sumbar")]
    [InlineData("99", "Atlantis")]
    [InlineData("18", "...")]
    public void A_province_alias_that_could_match_wrongly_stops_the_directory_from_loading(string code, string alias)
    {
        Assert.Throws<InvalidDataException>(() =>
            RegionDirectory.Load(new StringReader(Csv), [("13", "Sumbar"), (code, alias)], []));
    }

    [Theory]
    [InlineData("18.72", "Solok")]
    [InlineData("13.02", "Kota Metro")]
    [InlineData("13.72", "Metro")]
    [InlineData("18", "Lampung Kota")]
    [InlineData("13.02", "Solok Raya")]
    public void A_regency_alias_that_could_match_wrongly_stops_the_directory_from_loading(string code, string alias)
    {
        Assert.Throws<InvalidDataException>(() =>
            RegionDirectory.Load(new StringReader(Csv), [], [("13.72", "Solok Raya"), (code, alias)]));
    }
}
