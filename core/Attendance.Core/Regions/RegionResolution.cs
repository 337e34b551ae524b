using System.Diagnostics.CodeAnalysis;

namespace Attendance.Regions;

/// <summary>
/// What a typed province or regency resolved to: exactly one of <see cref="RegionResolutionStatus"/>, with
/// the region, the candidates or the suggestions that go with it, and a <see cref="Message"/> worded for the
/// person who typed it, such as
/// <c>"Solok" is ambiguous in Sumatera Barat: Kabupaten Solok (13.02) or Kota Solok (13.72)</c>.
/// </summary>
/// <remarks>
/// A validator reports <see cref="Message"/> under its own field name (RFC 7807 <c>errors</c>), or uses
/// <see cref="ToString"/>, which prefixes the level: <c>regency: "Solok" is ambiguous in …</c>.
/// </remarks>
public sealed class RegionResolution
{
    private RegionResolution(
        RegionResolutionStatus status,
        RegionLevel level,
        string input,
        Region? province,
        Region? region,
        IReadOnlyList<Region> candidates,
        IReadOnlyList<Region> suggestions,
        string message)
    {
        Status = status;
        Level = level;
        Input = input;
        Province = province;
        Region = region;
        Candidates = candidates;
        Suggestions = suggestions;
        Message = message;
    }

    /// <summary>Which outcome this is; the properties below that do not belong to it are empty.</summary>
    public RegionResolutionStatus Status { get; }

    /// <summary>The level that was asked for: a province, or a regency within <see cref="Province"/>.</summary>
    public RegionLevel Level { get; }

    /// <summary>The input as typed, without surrounding whitespace.</summary>
    public string Input { get; }

    /// <summary>The province a regency was looked for in; <see langword="null"/> when resolving a province.</summary>
    public Region? Province { get; }

    /// <summary>The region found; set only when <see cref="Status"/> is <see cref="RegionResolutionStatus.Found"/>.</summary>
    public Region? Region { get; }

    /// <summary>
    /// For <see cref="RegionResolutionStatus.Ambiguous"/>, the regions that matched; for
    /// <see cref="RegionResolutionStatus.OutsideProvince"/>, the regencies of that name in other provinces.
    /// Ordered by code.
    /// </summary>
    public IReadOnlyList<Region> Candidates { get; }

    /// <summary>For <see cref="RegionResolutionStatus.NotFound"/>, up to three similar names, closest first.</summary>
    public IReadOnlyList<Region> Suggestions { get; }

    /// <summary>The outcome in words, without field name or final full stop.</summary>
    public string Message { get; }

    /// <summary>Whether exactly one region matched.</summary>
    [MemberNotNullWhen(true, nameof(Region))]
    public bool IsFound => Status == RegionResolutionStatus.Found;

    /// <summary>The message prefixed with the level, e.g. <c>regency: "Solok" is ambiguous in …</c>.</summary>
    public override string ToString() =>
        $"{(Level == RegionLevel.Province ? "province" : "regency")}: {Message}";

    internal static RegionResolution Found(RegionLevel level, string input, Region? province, Region region) =>
        new(RegionResolutionStatus.Found, level, input, province, region, [], [],
            RegionMessages.Found(input, region));

    internal static RegionResolution Missing(RegionLevel level, Region? province) =>
        new(RegionResolutionStatus.NotFound, level, "", province, null, [], [], RegionMessages.Missing(level));

    internal static RegionResolution NotFound(
        RegionLevel level, string input, Region? province, IReadOnlyList<Region> suggestions) =>
        new(RegionResolutionStatus.NotFound, level, input, province, null, [], suggestions,
            RegionMessages.NotFound(input, province, suggestions));

    internal static RegionResolution Ambiguous(string input, Region province, IReadOnlyList<Region> candidates) =>
        new(RegionResolutionStatus.Ambiguous, RegionLevel.Regency, input, province, null, candidates, [],
            RegionMessages.Ambiguous(input, province, candidates));

    internal static RegionResolution OutsideProvince(
        string input, Region province, IReadOnlyList<Region> candidates, Func<Region, Region> provinceOf) =>
        new(RegionResolutionStatus.OutsideProvince, RegionLevel.Regency, input, province, null, candidates, [],
            RegionMessages.OutsideProvince(input, province, candidates, provinceOf));
}
