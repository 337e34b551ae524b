namespace Attendance.Regions;

/// <summary>Resolution of typed province and regency names; see <see cref="RegionDirectory"/>.</summary>
public sealed partial class RegionDirectory
{
    private const int MaxSuggestions = 3;

    /// <summary>
    /// Resolves a typed province: a code (<c>18</c>), an official name with or without
    /// "Provinsi"/"Prov."/"Prop.", or an alias ("Jabar", "DKI Jakarta", "DIY"). Case, spacing and
    /// punctuation do not matter. Never <see cref="RegionResolutionStatus.Ambiguous"/> or
    /// <see cref="RegionResolutionStatus.OutsideProvince"/>.
    /// </summary>
    public RegionResolution ResolveProvince(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var typed = input.Trim();
        if (typed.Length == 0)
        {
            return RegionResolution.Missing(RegionLevel.Province, null);
        }

        if (RegionCode.LooksLikeCode(typed, out var code))
        {
            return code is not null && _byCode.TryGetValue(code, out var byCode) && byCode.Level == RegionLevel.Province
                ? RegionResolution.Found(RegionLevel.Province, typed, null, byCode)
                : RegionResolution.NotFound(RegionLevel.Province, typed, null, []);
        }

        var key = RegionNameKey.Province(typed);
        return _provincesByKey.TryGetValue(key, out var province)
            ? RegionResolution.Found(RegionLevel.Province, typed, null, province)
            : RegionResolution.NotFound(RegionLevel.Province, typed, null, Suggest([key], _provinceNames));
    }

    /// <summary>
    /// Resolves a typed regency or city within a province already resolved: a code (<c>18.71</c>,
    /// <c>1871</c>), an official name with or without "Kabupaten"/"Kab."/"Kota"/"Kotamadya"/"Kodya", or an
    /// alias ("Tubaba"). A written kind decides between a kabupaten and a kota of the same name; without one,
    /// such a pair is <see cref="RegionResolutionStatus.Ambiguous"/>. A regency that exists only in other
    /// provinces is <see cref="RegionResolutionStatus.OutsideProvince"/>.
    /// </summary>
    /// <param name="input">What the person typed.</param>
    /// <param name="province">A province of this directory, typically from <see cref="ResolveProvince"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="province"/> is not a province of this directory.</exception>
    public RegionResolution ResolveRegency(string input, Region province)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(province);
        if (province.Level != RegionLevel.Province || !_byCode.TryGetValue(province.Code, out var known) || known != province)
        {
            throw new ArgumentException($"{province} is not a province of this region directory.", nameof(province));
        }

        var typed = input.Trim();
        if (typed.Length == 0)
        {
            return RegionResolution.Missing(RegionLevel.Regency, province);
        }

        return RegionCode.LooksLikeCode(typed, out var code)
            ? ResolveRegencyCode(typed, code, province)
            : ResolveRegencyName(typed, province);
    }

    private RegionResolution ResolveRegencyCode(string typed, string? code, Region province)
    {
        if (code is null || !_byCode.TryGetValue(code, out var regency) || regency.Level != RegionLevel.Regency)
        {
            return RegionResolution.NotFound(RegionLevel.Regency, typed, province, []);
        }

        return regency.ParentCode == province.Code
            ? RegionResolution.Found(RegionLevel.Regency, typed, province, regency)
            : RegionResolution.OutsideProvince(typed, province, [regency], ProvinceOf);
    }

    private RegionResolution ResolveRegencyName(string typed, Region province)
    {
        var name = RegionNameKey.Regency(typed);
        var named = Named(name.Key);
        var inProvince = named.Where(r => r.ParentCode == province.Code).ToArray();
        if (name.Kind is { } kind)
        {
            var ofKind = inProvince.Where(r => _kinds[r.Code] == kind).ToArray();
            if (ofKind.Length > 0)
            {
                return OneOf(typed, province, ofKind);
            }

            // "Kota Baru" and "Kota Waringin Barat" are kabupaten whose name starts with the word Kota.
            var whole = Named(name.WholeKey).Where(r => r.ParentCode == province.Code).ToArray();
            if (whole.Length > 0)
            {
                return OneOf(typed, province, whole);
            }

            // A kind that exists only elsewhere ("Kabupaten Banjar" typed in Jawa Barat, which has only Kota
            // Banjar) more likely means the wrong province than the wrong kind.
            var elsewhereOfKind = named.Where(r => r.ParentCode != province.Code && _kinds[r.Code] == kind).ToArray();
            if (elsewhereOfKind.Length > 0)
            {
                return RegionResolution.OutsideProvince(typed, province, elsewhereOfKind, ProvinceOf);
            }
        }

        // No kind written, or a kind that does not exist for this name here ("Kota Pesawaran"): the name
        // alone decides, and people get the kind wrong more often than the place.
        if (inProvince.Length > 0)
        {
            return OneOf(typed, province, inProvince);
        }

        var elsewhere = named.Concat(name.Kind is null ? [] : Named(name.WholeKey))
            .Where(r => r.ParentCode != province.Code)
            .Distinct()
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToArray();
        if (elsewhere.Length > 0)
        {
            return RegionResolution.OutsideProvince(typed, province, elsewhere, ProvinceOf);
        }

        var names = _regencyNamesByProvince.GetValueOrDefault(province.Code, []);
        return RegionResolution.NotFound(RegionLevel.Regency, typed, province, Suggest([name.Key, name.WholeKey], names));
    }

    private Region[] Named(string key) => _regenciesByKey.GetValueOrDefault(key, []);

    private static RegionResolution OneOf(string typed, Region province, Region[] candidates) =>
        candidates.Length == 1
            ? RegionResolution.Found(RegionLevel.Regency, typed, province, candidates[0])
            : RegionResolution.Ambiguous(typed, province, candidates);

    // Only a miss gets here, so comparing against every name of the level (or of the province) is fine.
    // The typed keys are tried alike: "Kota Barru" may be a typo of "Barru" or of "Kotabaru".
    private static Region[] Suggest(string[] keys, IEnumerable<(string Key, Region Region)> names)
    {
        // Longer than any place name plus typos: a pasted paragraph, not worth quadratic comparisons.
        var typed = keys.Where(k => k.Length is > 0 and <= 64).Distinct().ToArray();
        return names
            .SelectMany(n => typed.Select(key => (n.Region, Key: key, Name: n.Key,
                Distance: EditDistance.Between(key, n.Key))))
            .Where(n => IsSimilar(n.Key, n.Name, n.Distance))
            .GroupBy(n => n.Region)
            .Select(g => (Region: g.Key, Distance: g.Min(n => n.Distance)))
            .OrderBy(n => n.Distance)
            .ThenBy(n => n.Region.Code, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(n => n.Region)
            .ToArray();
    }

    // Close in spelling (more slack for longer names), or one name inside the other ("Tulang" in
    // "Tulang Bawang Barat", "Pesawaran" in "Pesawaran Regency").
    private static bool IsSimilar(string typed, string name, int distance) =>
        distance <= (typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3)
        || (typed.Length >= 4 && name.Length >= 4
            && (name.Contains(typed, StringComparison.Ordinal) || typed.Contains(name, StringComparison.Ordinal)));
}
