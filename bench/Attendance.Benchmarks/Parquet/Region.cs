namespace Attendance.Benchmarks.Parquet;

/// <summary>A regency (kabupaten/kota) with its province, from the official region list embedded in core.</summary>
internal sealed record Region(string ProvinceCode, string ProvinceName, string RegencyCode, string RegencyName)
{
    /// <summary>The 514 regencies of the official list, in code order.</summary>
    public static IReadOnlyList<Region> LoadRegencies()
    {
        using var stream = typeof(Attendance.Export.ExportContext).Assembly.GetManifestResourceStream("Attendance.Regions.id-regions.csv")
            ?? throw new InvalidOperationException("The region list is not embedded in Attendance.Core.");
        using var reader = new StreamReader(stream);
        var provinces = new Dictionary<string, string>();
        var regencies = new List<(string Code, string Name, string Parent)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            // code,"name",level,parent_code — names are quoted and never contain a quote.
            var firstComma = line.IndexOf(',', StringComparison.Ordinal);
            var nameEnd = line.IndexOf('"', firstComma + 2);
            var rest = line[(nameEnd + 2)..].Split(',');
            var (code, name) = (line[..firstComma], line[(firstComma + 2)..nameEnd]);
            if (rest[0] == "province")
            {
                provinces[code] = name;
            }
            else if (rest[0] == "regency")
            {
                regencies.Add((code, name, rest[1]));
            }
        }

        return [.. regencies.Select(r => new Region(r.Parent, provinces[r.Parent], r.Code, r.Name))];
    }
}
