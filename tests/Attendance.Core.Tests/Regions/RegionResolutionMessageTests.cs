namespace Attendance.Core.Tests.Regions;

public class RegionResolutionMessageTests
{
    private static readonly RegionDirectory Directory = RegionDirectory.Official;

    private static Region Province(string code) =>
        Directory.TryGet(code, out var province) ? province : throw new InvalidOperationException(code);

    [Fact]
    public void Solok_is_worded_as_ambiguous_between_both_with_their_codes()
    {
        var result = Directory.ResolveRegency("Solok", Province("13"));

        Assert.Equal(
            "\"Solok\" is ambiguous in Sumatera Barat: Kabupaten Solok (13.02) or Kota Solok (13.72)",
            result.Message);
        Assert.Equal(
            "regency: \"Solok\" is ambiguous in Sumatera Barat: Kabupaten Solok (13.02) or Kota Solok (13.72)",
            result.ToString());
    }

    [Fact]
    public void A_regency_outside_the_province_names_the_province_it_is_in()
    {
        var result = Directory.ResolveRegency("Kota Metro", Province("32"));

        Assert.Equal("\"Kota Metro\" is not in Jawa Barat: Kota Metro (18.72) is in Lampung", result.Message);
    }

    [Fact]
    public void A_name_found_in_two_other_provinces_names_both()
    {
        var result = Directory.ResolveRegency("Banjar", Province("18"));

        Assert.Equal(
            "\"Banjar\" is not in Lampung: Kota Banjar (32.79) is in Jawa Barat, " +
            "Kabupaten Banjar (63.03) is in Kalimantan Selatan",
            result.Message);
    }

    [Fact]
    public void An_unknown_regency_offers_the_closest_name()
    {
        var result = Directory.ResolveRegency("Pesawran", Province("18"));

        Assert.Equal(
            "\"Pesawran\" is not a regency or city in Lampung; did you mean Kabupaten Pesawaran (18.09)?",
            result.Message);
    }

    [Fact]
    public void Several_suggestions_are_listed_closest_first_with_or_before_the_last()
    {
        // "Lampung Selatan" and "Lampung Tengah" are longer, hence further from "Lampung" than these three.
        var result = Directory.ResolveRegency("Lampung", Province("18"));

        Assert.Equal(
            "\"Lampung\" is not a regency or city in Lampung; did you mean Kabupaten Lampung Utara (18.03), " +
            "Kabupaten Lampung Barat (18.04) or Kabupaten Lampung Timur (18.07)?",
            result.Message);
    }

    [Fact]
    public void An_unknown_province_without_similar_names_says_only_that()
    {
        var result = Directory.ResolveProvince("Atlantis");

        Assert.Equal("\"Atlantis\" is not a known province", result.Message);
        Assert.Equal("province: \"Atlantis\" is not a known province", result.ToString());
    }

    [Fact]
    public void A_misspelt_province_suggests_the_official_name()
    {
        var result = Directory.ResolveProvince("Lampong");

        Assert.Equal("\"Lampong\" is not a known province; did you mean Lampung (18)?", result.Message);
    }

    [Fact]
    public void A_found_region_is_described_by_its_official_name_and_code()
    {
        var result = Directory.ResolveRegency("tubaba", Province("18"));

        Assert.Equal("\"tubaba\" is Kabupaten Tulang Bawang Barat (18.12)", result.Message);
    }

    [Fact]
    public void Long_input_is_shortened_when_echoed()
    {
        var result = Directory.ResolveProvince(new string('x', 500));

        Assert.Equal($"\"{new string('x', 60)}…\" is not a known province", result.Message);
    }
}
