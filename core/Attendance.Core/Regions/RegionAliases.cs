namespace Attendance.Regions;

/// <summary>
/// Names people use for a region besides its official one: the province abbreviations heard across
/// Indonesia ("Jabar", "NTB"), short forms of long official names ("DKI Jakarta", "DIY"), former names and
/// a few well-known regency abbreviations. Kept as data, keyed by official code, so that adding one is a
/// one-line change; <see cref="RegionDirectory"/> refuses to load if an alias equals the name or alias of
/// another region, so an alias can never turn a correct entry into a wrong match.
/// </summary>
/// <remarks>
/// Spelling differences need no alias: case, spacing, punctuation, "Kep." for "Kepulauan" and "Sumatra"
/// for "Sumatera" are handled by <see cref="RegionNameKey"/>. The list is documented in Regions/README.md.
/// </remarks>
internal static class RegionAliases
{
    /// <summary>Province aliases: (official code, alias).</summary>
    public static readonly (string Code, string Alias)[] Provinces =
    [
        ("11", "NAD"),
        ("11", "Nanggroe Aceh Darussalam"),
        ("12", "Sumut"),
        ("13", "Sumbar"),
        ("16", "Sumsel"),
        ("19", "Bangka Belitung"),
        ("19", "Babel"),
        ("21", "Kepri"),
        ("31", "DKI Jakarta"),
        ("31", "DKI"),
        ("31", "Jakarta"),
        ("31", "Daerah Khusus Jakarta"),
        ("32", "Jabar"),
        ("33", "Jateng"),
        ("34", "DI Yogyakarta"),
        ("34", "DIY"),
        ("34", "Yogyakarta"),
        ("34", "Yogya"),
        ("34", "Jogja"),
        ("34", "Jogjakarta"),
        ("35", "Jatim"),
        ("52", "NTB"),
        ("53", "NTT"),
        ("61", "Kalbar"),
        ("62", "Kalteng"),
        ("63", "Kalsel"),
        ("64", "Kaltim"),
        ("65", "Kaltara"),
        ("71", "Sulut"),
        ("72", "Sulteng"),
        ("73", "Sulsel"),
        ("74", "Sultra"),
        ("76", "Sulbar"),
        ("82", "Malut"),
    ];

    /// <summary>
    /// Regency aliases: (official code, alias). The kind typed in front still applies, so "Kab. Tubaba"
    /// works and "Kota Tubaba" is treated like any other wrong kind.
    /// </summary>
    public static readonly (string Code, string Alias)[] Regencies =
    [
        ("12.12", "Toba Samosir"),
        ("16.01", "OKU"),
        ("16.02", "OKI"),
        ("16.08", "OKU Timur"),
        ("16.09", "OKU Selatan"),
        ("16.12", "PALI"),
        ("18.12", "Tubaba"),
        ("18.13", "Pesibar"),
        ("31.71", "Jakpus"),
        ("31.72", "Jakut"),
        ("31.73", "Jakbar"),
        ("31.74", "Jaksel"),
        ("31.75", "Jaktim"),
        ("71.09", "Sitaro"),
        ("73.10", "Pangkep"),
    ];
}
