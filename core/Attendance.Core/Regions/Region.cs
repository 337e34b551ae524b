namespace Attendance.Regions;

/// <summary>
/// One official administrative region of Indonesia (Kepmendagri 300.2.2-2138/2025): a province such as
/// <c>18 Lampung</c>, or a regency or city such as <c>18.71 Kota Bandar Lampung</c>.
/// </summary>
/// <param name="Code">Official code: two digits for a province (<c>18</c>), <c>NN.NN</c> for a regency (<c>18.71</c>).</param>
/// <param name="Name">Official spelling; regencies start with <c>Kabupaten</c> or <c>Kota</c>.</param>
/// <param name="Level">Province or regency.</param>
/// <param name="ParentCode">The province code of a regency; <see langword="null"/> for a province.</param>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode)
{
    /// <summary>The form used in messages to people, e.g. <c>Kota Solok (13.72)</c>.</summary>
    public override string ToString() => $"{Name} ({Code})";
}
