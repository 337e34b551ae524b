namespace Attendance.Core.Tests.Regions;

public class RegencyResolutionTests
{
    private static readonly RegionDirectory Directory = RegionDirectory.Official;

    private static Region Province(string code) =>
        Directory.TryGet(code, out var province) ? province : throw new InvalidOperationException(code);

    private static RegionResolution Resolve(string input, string provinceCode) =>
        Directory.ResolveRegency(input, Province(provinceCode));

    // The 2023 Lampung Bimtek: Kota Bandar Lampung, Kota Metro, Lampung Utara, Pesawaran, Tulang Bawang Barat.
    [Theory]
    [InlineData("Kab. Pesawaran", "18.09")]
    [InlineData("Kabupaten Pesawaran", "18.09")]
    [InlineData("Kab Pesawaran", "18.09")]
    [InlineData("pesawaran", "18.09")]
    [InlineData("PESAWARAN", "18.09")]
    [InlineData("Tulang Bawang Barat", "18.12")]
    [InlineData("Tulangbawang Barat", "18.12")]
    [InlineData("Kab. Tulang-Bawang Barat", "18.12")]
    [InlineData("Tubaba", "18.12")]
    [InlineData("Tulang Bawang", "18.05")]
    [InlineData("Bandar Lampung", "18.71")]
    [InlineData("Bandarlampung", "18.71")]
    [InlineData("Kota Bandar Lampung", "18.71")]
    [InlineData("Kotamadya Bandar Lampung", "18.71")]
    [InlineData("KOTA METRO", "18.72")]
    [InlineData("Kodya Metro", "18.72")]
    [InlineData("Metro", "18.72")]
    [InlineData("Lampung Utara", "18.03")]
    [InlineData("lampung  utara", "18.03")]
    [InlineData("Kab. Lampung Utara.", "18.03")]
    [InlineData("18.71", "18.71")]
    [InlineData("1871", "18.71")]
    [InlineData(" 18.72 ", "18.72")]
    public void The_Lampung_seed_regencies_are_found_however_they_are_typed(string input, string code)
    {
        var result = Resolve(input, "18");

        Assert.Equal(code, ResolvedCode.Of(result));
        Assert.Equal("18", result.Province?.Code);
        Assert.Equal(input.Trim(), result.Input);
    }

    [Theory]
    [InlineData("Solok")]
    [InlineData("solok")]
    [InlineData(" SOLOK ")]
    public void Solok_without_a_prefix_is_ambiguous_in_Sumatera_Barat(string input)
    {
        var result = Resolve(input, "13");

        Assert.Equal(RegionResolutionStatus.Ambiguous, result.Status);
        Assert.Null(result.Region);
        Assert.Equal(["13.02", "13.72"], result.Candidates.Select(c => c.Code));
    }

    [Theory]
    [InlineData("Kota Solok", "13.72")]
    [InlineData("Kodya Solok", "13.72")]
    [InlineData("Kab. Solok", "13.02")]
    [InlineData("Kabupaten Solok", "13.02")]
    [InlineData("Solok Selatan", "13.11")]
    [InlineData("13.72", "13.72")]
    public void A_prefix_or_code_decides_between_Kabupaten_and_Kota_Solok(string input, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, "13")));
    }

    [Theory]
    [InlineData("Gorontalo", "75")]
    [InlineData("Bandung", "32")]
    [InlineData("Malang", "35")]
    [InlineData("Kupang", "53")]
    public void Other_kabupaten_and_kota_pairs_are_ambiguous_without_a_prefix(string input, string provinceCode)
    {
        var result = Resolve(input, provinceCode);

        Assert.Equal(RegionResolutionStatus.Ambiguous, result.Status);
        Assert.Equal(2, result.Candidates.Count);
    }

    [Theory]
    [InlineData("Jambi", "15", "15.71")]
    [InlineData("Bengkulu", "17", "17.71")]
    [InlineData("Kota Gorontalo", "75", "75.71")]
    [InlineData("Kab. Gorontalo", "75", "75.01")]
    public void A_regency_named_like_its_province_is_found_in_it(string input, string provinceCode, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, provinceCode)));
    }

    [Theory]
    [InlineData("Kotabaru", "63", "63.02")]
    [InlineData("Kota Baru", "63", "63.02")]
    [InlineData("Kab. Kotabaru", "63", "63.02")]
    [InlineData("Kabupaten Kota Baru", "63", "63.02")]
    [InlineData("Kotawaringin Barat", "62", "62.01")]
    [InlineData("Kota Waringin Timur", "62", "62.02")]
    [InlineData("Kab. Kotawaringin Barat", "62", "62.01")]
    [InlineData("Kotamobagu", "71", "71.74")]
    [InlineData("Kota Kotamobagu", "71", "71.74")]
    [InlineData("Barru", "73", "73.11")]
    public void Names_that_start_with_Kota_are_not_mistaken_for_a_Kota_prefix(
        string input, string provinceCode, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, provinceCode)));
    }

    [Fact]
    public void Kota_Baru_typed_in_Sulawesi_Selatan_is_Kotabaru_of_Kalimantan_Selatan_not_Barru()
    {
        var result = Resolve("Kota Baru", "73");

        Assert.Equal(RegionResolutionStatus.OutsideProvince, result.Status);
        Assert.Equal(["63.02"], result.Candidates.Select(c => c.Code));
    }

    [Theory]
    [InlineData("Kota Pesawaran", "18.09")]
    [InlineData("Kabupaten Metro", "18.72")]
    public void A_wrong_prefix_on_a_name_unique_in_the_province_still_finds_it(string input, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, "18")));
    }

    [Theory]
    [InlineData("Padang", "13", "13.71")]
    [InlineData("Kota Padang", "13", "13.71")]
    [InlineData("Kota Banjar", "32", "32.79")]
    [InlineData("Banjar", "32", "32.79")]
    [InlineData("Banjar", "63", "63.03")]
    public void A_name_shared_with_another_province_is_found_in_the_given_province(
        string input, string provinceCode, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, provinceCode)));
    }

    [Theory]
    [InlineData("Metro", "32", "18.72")]
    [InlineData("Kota Metro", "13", "18.72")]
    [InlineData("18.71", "32", "18.71")]
    [InlineData("1871", "13", "18.71")]
    [InlineData("Kabupaten Banjar", "32", "63.03")]
    [InlineData("Kota Banjar", "63", "32.79")]
    [InlineData("Solok", "18", "13.02")]
    public void A_regency_of_another_province_is_outside_the_province(string input, string provinceCode, string code)
    {
        var result = Resolve(input, provinceCode);

        Assert.Equal(RegionResolutionStatus.OutsideProvince, result.Status);
        Assert.Null(result.Region);
        Assert.Equal(code, result.Candidates[0].Code);
    }

    [Fact]
    public void Banjar_typed_in_a_third_province_names_both_provinces_that_have_one()
    {
        var result = Resolve("Banjar", "18");

        Assert.Equal(RegionResolutionStatus.OutsideProvince, result.Status);
        Assert.Equal(["32.79", "63.03"], result.Candidates.Select(c => c.Code));
    }

    [Theory]
    [InlineData("Pesawran", "18.09")]
    [InlineData("Lampung Utra", "18.03")]
    [InlineData("Tulang", "18.05")]
    [InlineData("Pringsewuh", "18.10")]
    public void An_unknown_regency_suggests_similar_names_in_the_province(string input, string suggested)
    {
        var result = Resolve(input, "18");

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Null(result.Region);
        Assert.Empty(result.Candidates);
        Assert.InRange(result.Suggestions.Count, 1, 3);
        Assert.Equal(suggested, result.Suggestions[0].Code);
        Assert.All(result.Suggestions, s => Assert.Equal("18", s.ParentCode));
    }

    [Theory]
    [InlineData("Lampung")]
    [InlineData("Kabupaten Lampung")]
    public void The_province_name_typed_as_regency_suggests_its_namesake_regencies(string input)
    {
        var result = Resolve(input, "18");

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Equal(3, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => Assert.Contains("Lampung", s.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("18.99")]
    [InlineData("18")]
    [InlineData("12345")]
    [InlineData("---")]
    public void Nonsense_or_an_unknown_code_is_not_found_without_suggestions(string input)
    {
        var result = Resolve(input, "18");

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void A_pasted_paragraph_is_not_found_and_not_compared_letter_by_letter()
    {
        var result = Resolve(string.Concat(Enumerable.Repeat("Pesawaran ", 10_000)), "18");

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Empty(result.Suggestions);
    }

    [Theory]
    [InlineData("Jakarta Pusat", "31.71")]
    [InlineData("Kota Jakarta Utara", "31.72")]
    [InlineData("Kota Adm. Jakarta Selatan", "31.74")]
    [InlineData("Jaktim", "31.75")]
    [InlineData("Kepulauan Seribu", "31.01")]
    [InlineData("Kab. Kep. Seribu", "31.01")]
    [InlineData("Kabupaten Administrasi Kepulauan Seribu", "31.01")]
    public void Jakarta_administrative_cities_are_found_with_or_without_Administrasi(string input, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, "31")));
    }

    [Theory]
    [InlineData("Kepulauan Siau Tagulandang Biaro", "71", "71.09")]
    [InlineData("Kep Siau Tagulandang Biaro", "71", "71.09")]
    [InlineData("Sitaro", "71", "71.09")]
    [InlineData("Toli Toli", "72", "72.04")]
    [InlineData("Tolitoli", "72", "72.04")]
    [InlineData("Toba Samosir", "12", "12.12")]
    [InlineData("OKU Timur", "16", "16.08")]
    [InlineData("Pangkajene dan Kepulauan", "73", "73.10")]
    [InlineData("Pangkep", "73", "73.10")]
    public void Abbreviations_hyphens_and_former_names_are_found(string input, string provinceCode, string code)
    {
        Assert.Equal(code, ResolvedCode.Of(Resolve(input, provinceCode)));
    }

    [Fact]
    public void An_empty_regency_is_not_found_and_says_it_is_required()
    {
        var result = Resolve("  ", "18");

        Assert.Equal(RegionResolutionStatus.NotFound, result.Status);
        Assert.Equal("a regency or city is required", result.Message);
    }

    [Fact]
    public void Resolving_within_a_regency_instead_of_a_province_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Directory.ResolveRegency("Metro", Province("18.71")));
        Assert.Throws<ArgumentException>(() =>
            Directory.ResolveRegency("Metro", new Region("18", "Lampung", RegionLevel.Province, null) with { Name = "X" }));
    }

    [Fact]
    public void Every_official_name_and_code_resolves_to_itself_in_its_province()
    {
        Assert.All(Directory.Regencies, regency =>
        {
            var province = Province(regency.ParentCode!);
            Assert.Same(regency, Directory.ResolveRegency(regency.Name, province).Region);
            Assert.Same(regency, Directory.ResolveRegency(regency.Name.ToUpperInvariant(), province).Region);
            Assert.Same(regency, Directory.ResolveRegency(regency.Code.Replace(".", "", StringComparison.Ordinal), province).Region);
        });
        Assert.All(Directory.Provinces, province =>
            Assert.Same(province, Directory.ResolveProvince("Provinsi " + province.Name).Region));
    }

    [Fact]
    public void Every_name_without_its_prefix_is_found_or_ambiguous_only_between_a_kabupaten_and_a_kota()
    {
        Assert.All(Directory.Regencies, regency =>
        {
            var bare = regency.Name[(regency.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var result = Directory.ResolveRegency(bare, Province(regency.ParentCode!));
            if (result.Status == RegionResolutionStatus.Ambiguous)
            {
                Assert.Contains(regency, result.Candidates);
                Assert.Equal(2, result.Candidates.Count);
                Assert.Single(result.Candidates, c => c.Name.StartsWith("Kota ", StringComparison.Ordinal));
            }
            else
            {
                Assert.Same(regency, result.Region);
            }
        });
    }
}
