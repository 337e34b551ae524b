using System.Globalization;
using Attendance.Events;
using Attendance.Regions;

namespace Attendance.Benchmarks.Load;

/// <summary>
/// The shape of a real Bimtek SPP-TIK: about 48 participants, 5 days, in a provincial capital. Events of one run get
/// ids <c>{prefix}-{n}</c> and consecutive weeks, so no two overlap.
/// </summary>
internal static class TrainingEvents
{
    public const int Participants = 48;
    public const int Days = 5;

    /// <summary>Attendances of one full event: every participant on every day.</summary>
    public const int Attendances = Participants * Days;

    private static readonly DateOnly FirstStart = new(2024, 1, 8);

    public static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:D4}");

    public static DateOnly Start(int number) => FirstStart.AddDays(7 * (number % 300));

    /// <summary>The registration of event <paramref name="number"/>, held in a province's capital (its first city).</summary>
    public static EventRegistration Registration(int number, RegionDirectory regions)
    {
        var province = regions.Provinces[number % regions.Provinces.Count];
        var city = regions.Regencies.FirstOrDefault(r => r.ParentCode == province.Code && r.Name.StartsWith("Kota", StringComparison.Ordinal))
            ?? regions.Regencies.First(r => r.ParentCode == province.Code);
        var start = Start(number);
        return new EventRegistration(
            string.Create(CultureInfo.InvariantCulture, $"Bimtek SPP-TIK {province.Name} #{number}"),
            start, start.AddDays(Days - 1), "Hotel di ibu kota provinsi", province, city, "TPBIS");
    }

    /// <summary>The same registration as the body of <c>PUT /api/events/{eventId}</c>.</summary>
    public static Dictionary<string, string?> Body(EventRegistration registration) => new()
    {
        ["name"] = registration.Name,
        ["startDate"] = registration.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["endDate"] = registration.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["venue"] = registration.Venue,
        ["province"] = registration.Province?.Name,
        ["regency"] = registration.Regency?.Name,
        ["program"] = registration.Program,
    };
}
