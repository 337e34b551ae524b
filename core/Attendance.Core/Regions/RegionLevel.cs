namespace Attendance.Regions;

/// <summary>
/// The administrative level of a <see cref="Region"/>: a province, or a regency or city (kabupaten/kota)
/// inside one. The CSV spells them <c>province</c> and <c>regency</c>.
/// </summary>
public enum RegionLevel
{
    Province,
    Regency,
}
