namespace Attendance.Regions;

/// <summary>The outcome of resolving what a person typed to one official <see cref="Region"/>.</summary>
public enum RegionResolutionStatus
{
    /// <summary>Exactly one region matched; <see cref="RegionResolution.Region"/> holds it.</summary>
    Found,

    /// <summary>
    /// Nothing matched (or nothing was typed); <see cref="RegionResolution.Suggestions"/> holds up to three
    /// similar names.
    /// </summary>
    NotFound,

    /// <summary>
    /// Several regions matched equally well, e.g. "Solok" is both a kabupaten and a kota;
    /// <see cref="RegionResolution.Candidates"/> holds them.
    /// </summary>
    Ambiguous,

    /// <summary>
    /// The regency exists, but not in the given province; <see cref="RegionResolution.Candidates"/> holds the
    /// regencies of that name elsewhere.
    /// </summary>
    OutsideProvince,
}
