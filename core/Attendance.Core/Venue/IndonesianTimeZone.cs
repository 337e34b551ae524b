using Attendance.Regions;

namespace Attendance.Venue;

/// <summary>
/// One of Indonesia's three time zones, chosen from a province code, so a participant in Makassar reads the check-in
/// time as the clock on the wall says it.
/// </summary>
/// <param name="Abbreviation">WIB, WITA or WIT.</param>
/// <param name="Offset">UTC+7, +8 or +9.</param>
public sealed record IndonesianTimeZone(string Abbreviation, TimeSpan Offset)
{
    public static IndonesianTimeZone Western { get; } = new("WIB", TimeSpan.FromHours(7));

    public static IndonesianTimeZone Central { get; } = new("WITA", TimeSpan.FromHours(8));

    public static IndonesianTimeZone Eastern { get; } = new("WIT", TimeSpan.FromHours(9));

    // Province codes (Kepmendagri): Bali and Nusa Tenggara (51-53), South, East and North Kalimantan (63-65) and
    // Sulawesi (71-76) keep WITA; Maluku (81-82) and Papua (91-96) WIT; Sumatra, Java, West and Central Kalimantan WIB.
    private static readonly HashSet<string> CentralProvinces = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];

    /// <summary>The zone of an event's province; WIB, where most trainings are held, when the event names none.</summary>
    public static IndonesianTimeZone Of(Region? province)
    {
        var code = province?.Code.Split('.')[0];
        return code switch
        {
            null => Western,
            _ when CentralProvinces.Contains(code) => Central,
            ['8', _] or ['9', _] => Eastern,
            _ => Western,
        };
    }
}
