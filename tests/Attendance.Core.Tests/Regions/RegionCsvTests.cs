namespace Attendance.Core.Tests.Regions;

public class RegionCsvTests
{
    private static List<Region> Read(string csv) => RegionCsv.ReadRegions(new StringReader(csv));

    [Fact]
    public void Quoted_names_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var regions = Read(
            "code,name,level,parent_code\r\n" +
            "18,\"Lampung, \"\"Sai Bumi\"\"\",province,\r\n" +
            "18.01,\"Kabupaten\nSelatan\",regency,18\r\n" +
            "18.02,Kabupaten Tengah,regency,18");

        Assert.Equal(3, regions.Count);
        Assert.Equal(new Region("18", "Lampung, \"Sai Bumi\"", RegionLevel.Province, null), regions[0]);
        Assert.Equal("Kabupaten\nSelatan", regions[1].Name);
        Assert.Equal(new Region("18.02", "Kabupaten Tengah", RegionLevel.Regency, "18"), regions[2]);
    }

    [Fact]
    public void A_trailing_newline_and_surrounding_spaces_in_names_are_ignored()
    {
        var regions = Read("code,name,level,parent_code\n31,\" Jakarta \",province,\n");

        Assert.Equal("Jakarta", Assert.Single(regions).Name);
    }

    [Theory]
    [InlineData("code,name,level\n18,Lampung,province\n")]
    [InlineData("code,name,level,parent_code\n18,Lampung,province\n")]
    [InlineData("code,name,level,parent_code\n18,\"Lampung,province,\n")]
    [InlineData("code,name,level,parent_code\n18,Lam\"pung,province,\n")]
    [InlineData("code,name,level,parent_code\n18,Lampung,state,\n")]
    [InlineData("")]
    public void Malformed_csv_is_rejected_rather_than_misread(string csv)
    {
        Assert.Throws<InvalidDataException>(() => Read(csv));
    }

    [Theory]
    [InlineData("18,Lampung,province,\n18.71,Kota Bandar Lampung,regency,19\n")]
    [InlineData("18,Lampung,province,\n19.71,Kota Bandar Lampung,regency,18\n")]
    [InlineData("18,Lampung,province,\n18,Lampung,province,\n")]
    [InlineData("18,Lampung,province,\n18.71,Bandar Lampung,regency,18\n")]
    [InlineData("18,Lampung,province,\n1871,Kota Bandar Lampung,regency,18\n")]
    [InlineData("18,Lampung,province,13\n")]
    public void Inconsistent_regions_stop_the_directory_from_loading(string rows)
    {
        var csv = "code,name,level,parent_code\n" + rows;

        Assert.Throws<InvalidDataException>(() => RegionDirectory.Load(new StringReader(csv), [], []));
    }
}
