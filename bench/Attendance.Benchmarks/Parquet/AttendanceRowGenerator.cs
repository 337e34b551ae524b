using System.Security.Cryptography;
using System.Text;

namespace Attendance.Benchmarks.Parquet;

/// <summary>
/// Deterministic synthetic attendance with the product's cardinalities: about 40 multi-day trainings a year in a
/// provincial capital, 48 to 240 participants each from that province's regencies (a fifth are returning
/// participants from earlier years), one row per participant and day, mostly unique names and a few nulls.
/// Rows come one at a time into a reused object, so memory does not grow with the row count.
/// </summary>
internal sealed class AttendanceRowGenerator
{
    private static readonly string[] FirstNames = ["Siti", "Nur", "Ahmad", "Muhammad", "Dewi", "Putu", "Made", "Wayan", "Komang", "Ketut", "Agus", "Budi", "Sri", "Rina", "Yusuf", "Fitri", "Rizky", "Dian", "Eko", "Indah", "Hendra", "Nurul", "Ratna", "Teguh", "Ayu", "Fajar", "Lestari", "Andi", "Daeng", "Ucok", "Butet", "Tjut", "Ni Luh", "I Gusti", "Yohanes", "Maria", "Fransiskus", "Abdul", "Hasan", "Aisyah", "Nur'aini", "Ma'ruf", "Syamsul", "Bambang", "Wahyu", "Kurniawati", "Mega", "Yuliana", "Petrus", "Oktavia"];
    private static readonly string[] MiddleNames = ["", "", "", "Eka", "Dwi", "Tri", "Catur", "Adi", "Puspita", "Kusuma", "Wati", "Sari", "Rahma", "Hidayat", "Prasetya", "Permata", "Ayu", "Nanda", "Surya", "Bayu"];
    private static readonly string[] LastNames = ["Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Pohan", "Wijaya", "Santoso", "Saputra", "Pratama", "Setiawan", "Hidayat", "Kusnadi", "Suharto", "Tanjung", "Pane", "Rangkuti", "Manurung", "Hutapea", "Pattimura", "Wattimena", "Latuconsina", "Rumbiak", "Wonda", "Daulay", "Sembiring", "Ginting", "Tarigan", "Purba", "Sinaga", "Gultom", "Panjaitan", "Simatupang", "Mokoginta", "Lumban Gaol", "Fauzi", "Rahman", "Hakim", "Halim", "Yamin", "Sudirman", "Rasyid", "D'Costa", "O'Hara", "Syah", "Ramadhan", "Anggraini", "Utami", "Handayani"];
    private static readonly string[] Degrees = ["", "", "", "", ", S.Pd.", ", S.IP.", ", S.Sos.", ", M.Hum.", ", A.Md.", ", S.Kom."];
    private static readonly string[] InstitutionTypes = ["Perpustakaan Umum Kabupaten/Kota", "Perpustakaan Desa/Kelurahan", "Perpustakaan Sekolah", "Taman Bacaan Masyarakat", "Dinas Perpustakaan dan Kearsipan"];
    private static readonly string[] Positions = ["Kepala Perpustakaan", "Pustakawan", "Pustakawan Ahli Pertama", "Pustakawan Terampil", "Staf Layanan", "Pengelola Perpustakaan Desa", "Kepala Desa", "Relawan", "Operator TIK", "Kepala Bidang Layanan"];
    private static readonly string[] Villages = ["Sukamaju", "Sukamakmur", "Mekarsari", "Sidomulyo", "Karanganyar", "Tanjung Harapan", "Sumber Rejo", "Batu Putih", "Air Mata", "Lubuk Raya", "Pasir Putih", "Kampung Baru"];
    private static readonly string[] Sources = ["form", "form", "form", "msforms", "kobotoolbox", "odk", "paper"];
    private static readonly TimeSpan WesternIndonesiaTime = TimeSpan.FromHours(7);

    private readonly IReadOnlyList<Region> _regencies;
    private readonly Dictionary<string, Region[]> _regenciesByProvince;
    private readonly List<Participant> _returning = [];
    private readonly List<Participant> _participants = [];
    private ulong _state;
    private int _eventNumber = -1;
    private string _eventId = "";
    private DateOnly _eventStart;
    private int _eventDays;
    private int _day;
    private int _participant;
    private long _nextPerson;
    private long _submission;

    public AttendanceRowGenerator(IReadOnlyList<Region> regencies, ulong seed = 20_221_114)
    {
        _regencies = regencies;
        _regenciesByProvince = regencies.GroupBy(r => r.ProvinceCode).ToDictionary(g => g.Key, g => g.ToArray());
        _state = seed;
    }

    /// <summary>Fills <paramref name="row"/> with the next row.</summary>
    public void Next(GeneratedAttendance row)
    {
        if (_participant == _participants.Count)
        {
            _participant = 0;
            if (++_day >= _eventDays)
            {
                StartEvent();
            }
        }

        var person = _participants[_participant++];
        var date = _eventStart.AddDays(_day);
        var checkIn = new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 0)), WesternIndonesiaTime).AddSeconds(Below(7200)).AddTicks(Below(10_000_000));
        row.SubmissionId = SubmissionId(_submission++);
        row.EventId = _eventId;
        row.SessionDate = date;
        row.ParticipantKey = person.Key;
        row.FullName = person.FullName;
        row.Gender = Below(100) == 0 ? null : person.Gender;
        row.Institution = person.Institution;
        row.InstitutionType = person.InstitutionType;
        row.Position = person.Position;
        row.Region = person.Region;
        row.CheckInAt = Below(20) == 0 ? null : checkIn;
        // Paper sheets are typed in days later; forms arrive within seconds.
        row.ReceivedAt = Below(10) == 0 ? checkIn.AddDays(1 + Below(10)).AddSeconds(Below(86_400)) : checkIn.AddMilliseconds(200 + Below(30_000));
        row.Source = Below(100) == 0 ? null : Sources[Below(Sources.Length)];
    }

    private void StartEvent()
    {
        _eventNumber++;
        var year = 2019 + (_eventNumber / 40);
        _eventId = $"bimtek-{year}-{(_eventNumber % 40) + 1:D3}";
        _eventStart = new DateOnly(year, 1, 6).AddDays((_eventNumber % 40 * 8) + Below(3));
        _eventDays = 4 + Below(2);
        _day = 0;
        var host = _regencies[Below(_regencies.Count)].ProvinceCode;
        var local = _regenciesByProvince[host];
        _participants.Clear();
        var size = 48 + Below(193);
        for (var i = 0; i < size; i++)
        {
            // A fifth return from earlier trainings, which is what the repeat-participant report looks for.
            var person = _returning.Count > 0 && Below(5) == 0
                ? _returning[Below(_returning.Count)]
                : NewParticipant(Below(10) < 8 ? local[Below(local.Length)] : _regencies[Below(_regencies.Count)]);
            _participants.Add(person);
        }

        foreach (var person in _participants.Take(10))
        {
            if (_returning.Count < 20_000)
            {
                _returning.Add(person);
            }
            else
            {
                _returning[Below(_returning.Count)] = person;
            }
        }
    }

    private Participant NewParticipant(Region region)
    {
        var person = _nextPerson++;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"participant:{person}")));
        var middle = MiddleNames[Below(MiddleNames.Length)];
        // Two given names half the time: millions of combinations, so names are mostly unique as in real sign-in sheets.
        var given = Below(2) == 0 ? FirstNames[Below(FirstNames.Length)] : $"{FirstNames[Below(FirstNames.Length)]} {FirstNames[Below(FirstNames.Length)]}";
        var name = $"{given} {(middle.Length > 0 ? middle + " " : "")}{LastNames[Below(LastNames.Length)]}{Degrees[Below(Degrees.Length)]}";
        var type = Below(10) < 6 ? 1 : Below(InstitutionTypes.Length);
        var shortRegency = region.RegencyName.Replace("Kabupaten ", "", StringComparison.Ordinal);
        var institution = type == 1 ? $"Perpustakaan Desa {Villages[Below(Villages.Length)]} {shortRegency}" : $"{InstitutionTypes[type]} {shortRegency}";
        return new Participant(
            key,
            Below(33) == 0 ? null : name,
            Below(2) == 0 ? "L" : "P",
            Below(50) == 0 ? null : institution,
            Below(50) == 0 ? null : InstitutionTypes[type],
            Below(25) == 0 ? null : Positions[Below(Positions.Length)],
            region);
    }

    private string SubmissionId(long number)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextRandom());
        BitConverter.TryWriteBytes(bytes[8..], number);
        return new Guid(bytes).ToString();
    }

    private int Below(int bound) => (int)(NextRandom() % (ulong)bound);

    // SplitMix64: deterministic across runtimes and machines, unlike System.Random's unseeded algorithms.
    private ulong NextRandom()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed record Participant(string Key, string? FullName, string Gender, string? Institution, string? InstitutionType, string? Position, Region Region);
}
