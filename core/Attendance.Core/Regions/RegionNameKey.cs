using System.Collections.Frozen;
using System.Text;

namespace Attendance.Regions;

/// <summary>
/// Turns a place name, official or typed, into the key it is looked up by: lower case, punctuation and
/// hyphens dropped, words joined without spaces (so "Tulangbawang Barat" meets "Tulang Bawang Barat" and
/// "Toli-Toli" meets "Tolitoli"), and the leading words that only say what kind of place it is
/// ("Provinsi", "Kab.", "Kota", "Administrasi") taken off.
/// </summary>
internal static class RegionNameKey
{
    // Abbreviations and spellings of a single word that people use for the official one. Applied per word,
    // before joining, on official names and typed input alike ("Kep. Siau Tagulandang Biaro" is official).
    private static readonly FrozenDictionary<string, string> WordSpellings = new Dictionary<string, string>
    {
        ["kep"] = "kepulauan",
        ["sumatra"] = "sumatera",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> ProvinceWords =
        new[] { "provinsi", "propinsi", "prov", "prop" }.ToFrozenSet();

    private static readonly FrozenDictionary<string, RegencyKind> KindWords = new Dictionary<string, RegencyKind>
    {
        ["kabupaten"] = RegencyKind.Kabupaten,
        ["kab"] = RegencyKind.Kabupaten,
        ["kota"] = RegencyKind.Kota,
        ["kotamadya"] = RegencyKind.Kota,
        ["kotamadia"] = RegencyKind.Kota,
        ["kodya"] = RegencyKind.Kota,
    }.ToFrozenDictionary();

    // Jakarta's five cities and one regency are officially "Kota/Kabupaten Administrasi ...".
    private static readonly FrozenSet<string> AdministrativeWords = new[] { "administrasi", "adm" }.ToFrozenSet();

    /// <summary>The key of a province name, without a leading "Provinsi"/"Prov."/"Prop.".</summary>
    public static string Province(string text)
    {
        var words = Words(text);
        var start = words.Count > 1 && ProvinceWords.Contains(words[0]) ? 1 : 0;
        return string.Concat(words.Skip(start));
    }

    /// <summary>
    /// The key of a regency name without its leading kind, the kind if one was written, and the key of all
    /// words, because "Kota Baru" may mean "Kabupaten Kotabaru" rather than a kota named "Baru".
    /// </summary>
    public static RegencyNameKey Regency(string text)
    {
        var words = Words(text);
        RegencyKind? kind = null;
        var start = 0;
        if (words.Count > 1 && KindWords.TryGetValue(words[0], out var typedKind))
        {
            kind = typedKind;
            start = 1;
        }

        if (words.Count > start + 1 && AdministrativeWords.Contains(words[start]))
        {
            start++;
        }

        return new RegencyNameKey(kind, string.Concat(words.Skip(start)), string.Concat(words));
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(char.ToLowerInvariant(ch));
            }
            else if (word.Length > 0)
            {
                words.Add(Spelled(word.ToString()));
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(Spelled(word.ToString()));
        }

        return words;
    }

    private static string Spelled(string word) => WordSpellings.GetValueOrDefault(word, word);
}
