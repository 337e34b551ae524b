namespace Attendance.Integration.Tests.Api;

/// <summary>The Bimtek SPP-TIK in Bandar Lampung, 5-8 June 2023 (../shared/seeds): the event the API tests use.</summary>
internal static class Lampung
{
    public const string EventId = "bimtek-spptik-lampung-2023";

    public static readonly DateOnly FirstDay = new(2023, 6, 5);

    public static readonly DateOnly LastDay = new(2023, 6, 8);

    /// <summary>During the event, in WIB.</summary>
    public static readonly DateTimeOffset During = new(2023, 6, 6, 9, 0, 0, TimeSpan.FromHours(7));

    public static object Registration => new
    {
        name = "Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung",
        startDate = "2023-06-05",
        endDate = "2023-06-08",
        venue = "Swiss-Belhotel Bandar Lampung",
        province = "Lampung",
        regency = "Kota Bandar Lampung",
        program = "TPBIS",
    };

    public static Dictionary<string, string> Submission(string name, string regency = "Kab. Pesawaran", string day = "2023-06-05") => new()
    {
        ["eventId"] = EventId,
        ["sessionDate"] = day,
        ["fullName"] = name,
        ["province"] = "Lampung",
        ["regency"] = regency,
    };

    /// <summary>The submission with one more field set (an id, a phone, an email), as a client sends it.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> submission, string field, string value)
    {
        submission[field] = value;
        return submission;
    }
}
