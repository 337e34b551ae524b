using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Attendance.Regions;

/// <summary>
/// Indonesia's official provinces and regencies/cities (38 + 514, Kepmendagri 300.2.2-2138/2025), and the
/// resolution of what people type ("Kab. Pesawaran", "Tulangbawang Barat", "Jabar", "1871") to one official
/// code. Immutable and safe to share; every lookup table is built once when the directory loads, so a
/// resolution costs a few dictionary reads and only a miss compares names to suggest similar ones.
/// </summary>
/// <remarks>
/// Names are compared by <see cref="RegionNameKey"/> (case, spacing, punctuation and kind words ignored) and
/// by the aliases in <see cref="RegionAliases"/>; the rules are documented in Regions/README.md.
/// </remarks>
public sealed partial class RegionDirectory
{
    /// <summary>The manifest name of the embedded CSV, set in Attendance.Core.csproj.</summary>
    internal const string ResourceName = "Attendance.Regions.id-regions.csv";

    private static readonly Lazy<RegionDirectory> LazyOfficial = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Region> _byCode;
    private readonly FrozenDictionary<string, Region[]> _regenciesByProvince;
    private readonly FrozenDictionary<string, RegencyKind> _kinds;
    private readonly FrozenDictionary<string, Region> _provincesByKey;
    private readonly FrozenDictionary<string, Region[]> _regenciesByKey;
    private readonly (string Key, Region Region)[] _provinceNames;
    private readonly FrozenDictionary<string, (string Key, Region Region)[]> _regencyNamesByProvince;

    private RegionDirectory(
        List<Region> regions,
        IReadOnlyList<(string Code, string Alias)> provinceAliases,
        IReadOnlyList<(string Code, string Alias)> regencyAliases)
    {
        All = regions.AsReadOnly();
        _byCode = IndexByCode(regions);
        Provinces = regions.Where(r => r.Level == RegionLevel.Province).ToList().AsReadOnly();
        Regencies = regions.Where(r => r.Level == RegionLevel.Regency).ToList().AsReadOnly();
        _regenciesByProvince = Provinces.ToFrozenDictionary(
            p => p.Code, p => Regencies.Where(r => r.ParentCode == p.Code).ToArray());
        _kinds = Regencies.ToFrozenDictionary(r => r.Code, KindOf);

        var provinceNames = Provinces.Select(p => (RegionNameKey.Province(p.Name), p))
            .Concat(provinceAliases.Select(a => (RegionNameKey.Province(a.Alias), Get(a.Code, RegionLevel.Province))))
            .ToArray();
        _provinceNames = provinceNames;
        _provincesByKey = IndexProvinceNames(provinceNames);

        var regencyNames = Regencies.Select(r => (RegionNameKey.Regency(r.Name).Key, r)).ToList();
        var aliasNames = regencyAliases
            .Select(a => (RegionNameKey.Regency(a.Alias).Key, Get(a.Code, RegionLevel.Regency)))
            .ToList();
        CheckAliasesMatchNothingElse(regencyNames, aliasNames);
        regencyNames.AddRange(aliasNames);
        _regenciesByKey = regencyNames
            .GroupBy(n => n.Key, n => n.r)
            .ToFrozenDictionary(g => g.Key, g => g.Distinct().OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        _regencyNamesByProvince = regencyNames
            .GroupBy(n => n.r.ParentCode!)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>
    /// The official directory from the CSV embedded in this assembly, loaded on first use. Throws
    /// <see cref="InvalidDataException"/> if the embedded data or the aliases are inconsistent.
    /// </summary>
    public static RegionDirectory Official => LazyOfficial.Value;

    /// <summary>All 552 regions in the order of the official list (each province followed by its regencies).</summary>
    public IReadOnlyList<Region> All { get; }

    /// <summary>The 38 provinces, by code.</summary>
    public IReadOnlyList<Region> Provinces { get; }

    /// <summary>The 514 regencies and cities, by code.</summary>
    public IReadOnlyList<Region> Regencies { get; }

    /// <summary>
    /// Looks a region up by its official code, typed as <c>18</c>, <c>18.71</c> or <c>1871</c>, with or without
    /// surrounding spaces.
    /// </summary>
    public bool TryGet(string code, [NotNullWhen(true)] out Region? region)
    {
        ArgumentNullException.ThrowIfNull(code);
        region = null;
        return RegionCode.LooksLikeCode(code, out var canonical)
            && canonical is not null
            && _byCode.TryGetValue(canonical, out region);
    }

    /// <summary>The region with an official code the product stored itself; a missing code means corrupt data.</summary>
    /// <exception cref="KeyNotFoundException">No region has that code.</exception>
    public Region Get(string code) =>
        TryGet(code, out var region) ? region : throw new KeyNotFoundException($"No official region has the code '{code}'.");

    /// <summary>The regencies and cities of a province, by code; empty for a code that is not a province.</summary>
    public IReadOnlyList<Region> RegenciesOf(string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(provinceCode);
        return TryGet(provinceCode, out var province) && _regenciesByProvince.TryGetValue(province.Code, out var list)
            ? list
            : [];
    }

    /// <summary>Loads a directory from CSV text and alias tables; tests use it to feed data that breaks rules.</summary>
    internal static RegionDirectory Load(
        TextReader reader,
        IReadOnlyList<(string Code, string Alias)> provinceAliases,
        IReadOnlyList<(string Code, string Alias)> regencyAliases) =>
        new(RegionCsv.ReadRegions(reader), provinceAliases, regencyAliases);

    private static RegionDirectory LoadEmbedded()
    {
        using var stream = typeof(RegionDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing from Attendance.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader, RegionAliases.Provinces, RegionAliases.Regencies);
    }

    private Region Get(string code, RegionLevel level) =>
        _byCode.TryGetValue(code, out var region) && region.Level == level
            ? region
            : throw new InvalidDataException($"An alias refers to {code}, which is not a {level} in the region list.");

    private Region ProvinceOf(Region regency) => _byCode[regency.ParentCode!];

    private static FrozenDictionary<string, Region> IndexByCode(List<Region> regions)
    {
        var byCode = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var shape = region.Level == RegionLevel.Province ? "NN" : "NN.NN";
            if (!RegionCode.LooksLikeCode(region.Code, out var canonical) || canonical != region.Code
                || canonical.Length != shape.Length)
            {
                throw new InvalidDataException($"Region code '{region.Code}' is not of the form {shape}.");
            }

            if (!byCode.TryAdd(region.Code, region))
            {
                throw new InvalidDataException($"Region code {region.Code} appears twice.");
            }
        }

        foreach (var region in regions)
        {
            var parentIsValid = region.Level == RegionLevel.Province
                ? region.ParentCode is null
                : region.ParentCode is not null
                  && byCode.TryGetValue(region.ParentCode, out var parent)
                  && parent.Level == RegionLevel.Province
                  && region.Code.StartsWith(parent.Code + ".", StringComparison.Ordinal);
            if (!parentIsValid)
            {
                throw new InvalidDataException(
                    $"Region {region.Code} has parent '{region.ParentCode}', which does not fit its level and code.");
            }
        }

        return byCode.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static RegencyKind KindOf(Region regency) =>
        RegionNameKey.Regency(regency.Name).Kind
            ?? throw new InvalidDataException(
                $"Regency {regency.Code} '{regency.Name}' starts with neither Kabupaten nor Kota.");

    private static FrozenDictionary<string, Region> IndexProvinceNames((string Key, Region Region)[] names)
    {
        var byKey = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var (key, region) in names)
        {
            if (key.Length == 0)
            {
                throw new InvalidDataException($"Province {region.Code} has a name or alias without letters.");
            }

            if (byKey.TryGetValue(key, out var other) && other != region)
            {
                throw new InvalidDataException(
                    $"The province name or alias '{key}' would match both {other} and {region}.");
            }

            byKey[key] = region;
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Two official regencies may share a name (Kabupaten and Kota Solok; Kota Banjar in Jawa Barat and
    // Kabupaten Banjar in Kalimantan Selatan): the kind and the province tell them apart. An alias has no
    // such excuse, so it must not equal any other regency's name or alias anywhere.
    private static void CheckAliasesMatchNothingElse(
        List<(string Key, Region r)> officialNames, List<(string Key, Region r)> aliasNames)
    {
        var owners = officialNames.ToLookup(n => n.Key, n => n.r);
        var aliasOwners = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var (key, region) in aliasNames)
        {
            var clash = owners[key].FirstOrDefault(r => r != region)
                ?? (aliasOwners.TryGetValue(key, out var other) && other != region ? other : null);
            if (key.Length == 0 || clash is not null)
            {
                throw new InvalidDataException(
                    $"The regency alias '{key}' for {region} would also match {clash?.ToString() ?? "nothing"}.");
            }

            aliasOwners[key] = region;
        }
    }
}
