using System.Globalization;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Benchmarks.Load;

/// <summary>
/// Deterministic synthetic participants, each one distinct (its own email), from the official regencies of
/// <see cref="RegionDirectory.Official"/>, written as a form would post them: region names as people type them,
/// Indonesian spellings of the vocabulary, a local phone number.
/// </summary>
internal sealed class Participants
{
    private static readonly string[] FirstNames = ["Siti", "Nur", "Ahmad", "Muhammad", "Dewi", "Putu", "Made", "Wayan", "Agus", "Budi", "Sri", "Rina", "Yusuf", "Fitri", "Rizky", "Dian", "Eko", "Indah", "Hendra", "Nurul", "Ratna", "Teguh", "Ayu", "Fajar", "Andi", "Yohanes", "Maria", "Abdul", "Hasan", "Aisyah", "Bambang", "Wahyu"];
    private static readonly string[] LastNames = ["Siregar", "Nasution", "Harahap", "Lubis", "Wijaya", "Santoso", "Saputra", "Pratama", "Setiawan", "Hidayat", "Tanjung", "Manurung", "Hutapea", "Wattimena", "Rumbiak", "Sembiring", "Ginting", "Tarigan", "Sinaga", "Panjaitan", "Mokoginta", "Fauzi", "Rahman", "Hakim", "Yamin", "Rasyid", "Ramadhan", "Utami", "Handayani", "Anggraini"];
    private static readonly string[] Positions = ["Kepala Perpustakaan", "Pustakawan", "Pustakawan Ahli Pertama", "Staf Layanan", "Pengelola Perpustakaan Desa", "Operator TIK"];
    private static readonly TimeSpan WesternIndonesiaTime = TimeSpan.FromHours(7);

    private readonly RegionDirectory regions;

    public Participants(RegionDirectory regions)
    {
        this.regions = regions;
        Regencies = regions.Regencies;
    }

    public IReadOnlyList<Region> Regencies { get; }

    /// <summary>The province of a regency.</summary>
    public Region ProvinceOf(Region regency) => regions.Get(regency.ParentCode!);

    /// <summary>
    /// The fields of participant <paramref name="number"/>'s attendance at <paramref name="eventId"/> on <paramref name="sessionDate"/>.
    /// Different numbers are different people; the same number on two dates is the same person.
    /// </summary>
    public Dictionary<string, string> Fields(long number, string eventId, DateOnly sessionDate)
    {
        // 7919 is prime and 514 is not a multiple of it: consecutive participants come from all over the country.
        var regency = Regencies[(int)(number * 7919 % Regencies.Count)];
        var first = FirstNames[number % FirstNames.Length];
        var last = LastNames[number / FirstNames.Length % LastNames.Length];
        var isCity = regency.Name.StartsWith("Kota", StringComparison.Ordinal);
        var checkIn = new DateTimeOffset(sessionDate.ToDateTime(new TimeOnly(7, 30)), WesternIndonesiaTime).AddSeconds(number % 5400);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SubmissionFields.EventId] = eventId,
            [SubmissionFields.SessionDate] = sessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [SubmissionFields.FullName] = $"{first} {last}",
            [SubmissionFields.Province] = ProvinceOf(regency).Name,
            [SubmissionFields.Regency] = regency.Name,
            [SubmissionFields.Email] = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{number}@perpustakaan.example.id").ToLowerInvariant(),
            [SubmissionFields.Phone] = string.Create(CultureInfo.InvariantCulture, $"0812{number % 100_000_000:D8}"),
            [SubmissionFields.Gender] = number % 2 == 0 ? "perempuan" : "laki-laki",
            [SubmissionFields.Institution] = $"Dinas Perpustakaan {regency.Name}",
            [SubmissionFields.InstitutionType] = number % 5 == 0 ? "perpustakaan desa" : isCity ? "perpustakaan kota" : "perpustakaan kabupaten",
            [SubmissionFields.Position] = Positions[number % Positions.Length],
            [SubmissionFields.CheckInAt] = checkIn.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            [SubmissionFields.Source] = "benchmark",
        };
    }

    /// <summary>The same fields as the product reads them from a form.</summary>
    public SubmissionFields Submission(long number, string eventId, DateOnly sessionDate)
    {
        var fields = new SubmissionFields();
        foreach (var (name, value) in Fields(number, eventId, sessionDate))
        {
            fields.Set(name, value);
        }

        return fields;
    }
}
