namespace Attendance.Regions;

/// <summary>
/// Whether a regency-level region is a kabupaten (regency) or a kota (city). Several places exist as both
/// ("Kabupaten Solok" and "Kota Solok"), so the kind typed by a person is what tells them apart.
/// </summary>
internal enum RegencyKind
{
    Kabupaten,
    Kota,
}
