namespace Attendance.Regions;

/// <summary>
/// The wording of every resolution outcome, in one place so that the HTTP validator, the CLI and the
/// import of paper sign-in sheets tell people the same thing. Messages carry no field name and no final
/// full stop: callers put them next to the field ("regency: …").
/// </summary>
internal static class RegionMessages
{
    // Input is echoed back; a pasted paragraph must not turn one field error into a wall of text.
    private const int MaxEchoedLength = 60;

    public static string Missing(RegionLevel level) =>
        level == RegionLevel.Province ? "a province is required" : "a regency or city is required";

    public static string Found(string input, Region region) => $"{Quote(input)} is {region}";

    public static string NotFound(string input, Region? province, IReadOnlyList<Region> suggestions)
    {
        var what = province is null ? "a known province" : $"a regency or city in {province.Name}";
        var message = $"{Quote(input)} is not {what}";
        return suggestions.Count == 0 ? message : $"{message}; did you mean {Either(suggestions)}?";
    }

    public static string Ambiguous(string input, Region province, IReadOnlyList<Region> candidates) =>
        $"{Quote(input)} is ambiguous in {province.Name}: {Either(candidates)}";

    public static string OutsideProvince(
        string input, Region province, IReadOnlyList<Region> candidates, Func<Region, Region> provinceOf) =>
        $"{Quote(input)} is not in {province.Name}: " +
        string.Join(", ", candidates.Select(c => $"{c} is in {provinceOf(c).Name}"));

    private static string Either(IReadOnlyList<Region> regions) => regions.Count switch
    {
        1 => regions[0].ToString(),
        _ => $"{string.Join(", ", regions.Take(regions.Count - 1))} or {regions[^1]}",
    };

    private static string Quote(string input) =>
        input.Length <= MaxEchoedLength ? $"\"{input}\"" : $"\"{input[..MaxEchoedLength]}…\"";
}
