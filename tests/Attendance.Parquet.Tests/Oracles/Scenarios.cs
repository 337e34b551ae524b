using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>The files every reader must read back exactly: the edge cases of the export, each in its own file.</summary>
public static class Scenarios
{
    /// <summary>
    /// Indonesian names with apostrophes and diacritics, emoji (one a joined sequence), other scripts, quotes, an empty
    /// string, and fullwidth letters, which order differently in UTF-16 and UTF-8 against an emoji.
    /// </summary>
    public static readonly string[] NonAsciiNames =
    [
        "Nur'aini Siregar", "Ma'ruf Amin", "Ni Luh Putu Ayu 🙏", "I Gusti Ngurah Rai", "Zoë Ñandú", "Éva d'Ávila",
        "Dra. Sri Mulyani, M.Pd.", "Tjut Nja' Dhien", "日本語の名前", "👩‍👩‍👧 keluarga", "", "Ahmad \"Acong\" Suharto",
        "zulkifli", "Ω omega", "D'Costa O'Hara", "\u00a0leading nbsp",

        // A fullwidth name (U+FF00 block) beside the emoji: UTF-16 puts 👩 (U+D83D...) first, UTF-8 puts it last.
        "Ｓｉｔｉ Ｆｕｌｌｗｉｄｔｈ", "👩 alone",
    ];

    /// <summary>Rows per group in the multi-group files: small, so a few thousand rows make many groups.</summary>
    public const int SmallGroupRows = 1000;

    /// <summary>The text budget of <c>text-budget</c>: four of its rows (two 64 KiB names, 128 KiB each in UTF-16) fill it.</summary>
    public const long SmallTextBytes = 1024 * 1024;

    /// <summary>The official list's 38 provinces and 514 regencies and cities.</summary>
    public const int RegionRowCount = 552;

    private static readonly string[] Categories = ["Aceh", "Sumatera Utara", "Jawa Barat", "Bali", "Papua", "Maluku", "Kalimantan Timur", "Sulawesi Selatan", "Nusa Tenggara Timur", "DKI Jakarta"];

    private static readonly DateTimeOffset Start = new(2024, 5, 1, 1, 0, 0, TimeSpan.Zero);

    // Declared after the arrays it reads: static initializers run in textual order.
    public static IReadOnlyList<ExportScenario> All { get; } =
    [
        Sample("zero-rows", RowGroupLimits.Default, []),
        Sample("one-row", RowGroupLimits.Default, [Mixed(7)]),
        Sample("all-null-optional-columns", RowGroupLimits.Default, [.. Enumerable.Range(0, 40).Select(i => Mixed(i) with { Name = null, CheckedAt = null })]),
        Sample("non-ascii-text", RowGroupLimits.Default, [.. NonAsciiNames.Select((name, i) => Mixed(i) with { Name = name, Id = NonAsciiNames[^(i + 1)] + $"#{i}" })]),
        Sample("long-strings", RowGroupLimits.Default, [.. Enumerable.Range(0, 24).Select(i => Mixed(i) with { Name = i % 3 == 0 ? null : LongString(i) })]),
        Sample("many-row-groups", RowGroupLimits.Default with { Rows = SmallGroupRows }, [.. Enumerable.Range(0, 10_500).Select(Mixed)]),
        Sample("text-budget", new RowGroupLimits(SmallGroupRows, SmallTextBytes), [.. Enumerable.Range(0, 40).Select(i => Mixed(i) with { Name = LongString(i) })]),
        Sample("edge-values", RowGroupLimits.Default, EdgeRows),
        ExportScenario.Of("attendance-table", AnalyticsTables.Attendance(includeNames: true), RowGroupLimits.Default with { Rows = SmallGroupRows }, AttendanceRows(2500), ExpectedAttendance),
        ExportScenario.Of("events-table", AnalyticsTables.Events, RowGroupLimits.Default, EventRows, ExpectedEvent),
        ExportScenario.Of("regions-table", AnalyticsTables.Regions, RowGroupLimits.Default, RegionRows, ExpectedRegion),
    ];

    private static ExportScenario Sample(string name, RowGroupLimits limits, IReadOnlyList<SampleRow> rows) =>
        ExportScenario.Of(name, SampleRow.Table, limits, rows, r => r.Expected());

    private static SampleRow Mixed(int i) => new(
        $"peserta-{i:D6}",
        i % 7 == 0 ? null : NonAsciiNames[i % NonAsciiNames.Length],
        Categories[i % Categories.Length],
        (i * 37) - 5000,
        new DateOnly(2023, 1, 1).AddDays(i % 400),
        Start.AddSeconds(i * 61.5).AddTicks(i % 10),
        i % 17 == 0 ? null : Start.AddHours(7).AddTicks(i * 123_457L));

    // 64 KiB of UTF-8: ASCII rows 65,536 bytes, the 'é' rows 65,536 bytes in 32,768 characters.
    private static string LongString(int i) => i % 2 == 0
        ? new string((char)('a' + (i % 26)), 65_536 - 6) + $"{i:D6}"
        : new string('é', 32_765) + $"{i:D6}";

    private static IReadOnlyList<SampleRow> EdgeRows =>
    [
        new("min", "x", "c", int.MinValue, new DateOnly(1, 1, 1), new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        new("max", "y", "c", int.MaxValue, new DateOnly(9999, 12, 31), new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), DateTimeOffset.MaxValue),
        new("zero", null, "", 0, new DateOnly(1970, 1, 1), DateTimeOffset.UnixEpoch, null),
        new("offset", "z", "c", -1, new DateOnly(1969, 12, 31), new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(7)).AddTicks(1234), new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(-9.5))),
    ];

    /// <summary>Attendance as the store holds it, over several events, regencies and days, with the optional fields sometimes absent.</summary>
    public static IReadOnlyList<AttendanceRow> AttendanceRows(int count)
    {
        var regencies = RegionDirectory.Official.All.Where(r => r.ParentCode is not null).ToList();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var regency = regencies[(i * 7) % regencies.Count];
            var submission = new AttendanceSubmission
            {
                EventId = $"bimtek-2024-{(i / 240) + 1:D3}",
                SessionDate = new DateOnly(2024, 5, 6).AddDays(i % 5),
                FullName = NonAsciiNames[(i / 5) % NonAsciiNames.Length] + $" {i / 5}",
                Province = RegionDirectory.Official.Get(regency.ParentCode!),
                Regency = regency,
                Gender = i % 23 == 0 ? null : (i % 2 == 0 ? "female" : "male"),
                Institution = i % 19 == 0 ? null : $"Perpustakaan Desa {regency.Name}",
                InstitutionType = i % 29 == 0 ? null : "village_library",
                Position = i % 13 == 0 ? null : "Pustakawan",
                CheckInAt = i % 11 == 0 ? null : Start.AddMinutes(i).AddTicks(i % 10),
                Source = i % 31 == 0 ? null : "venue-form",
            };
            var stored = new StoredSubmission(i + 1, $"sub-{i:D6}", Start.AddSeconds(i * 3.25), submission);
            return new AttendanceRow(stored, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i / 5))));
        })];
    }

    private static object?[] ExpectedAttendance(AttendanceRow r)
    {
        var s = r.Stored.Submission;
        return [r.Stored.SubmissionId, s.EventId, s.SessionDate, r.ParticipantKey, s.FullName, s.Gender, s.Institution, s.InstitutionType, s.Position,
            s.Province.Code, s.Province.Name, s.Regency.Code, s.Regency.Name, s.CheckInAt, r.Stored.ReceivedAt, s.Source];
    }

    private static IReadOnlyList<TrainingEvent> EventRows =>
    [
        new() { Id = "bimtek-2024-001", Name = "Bimtek Perpustakaan Desa Lampung", StartDate = new(2024, 5, 6), EndDate = new(2024, 5, 10), Venue = "Hotel Emersia", Province = RegionDirectory.Official.Get("18"), Regency = RegionDirectory.Official.Get("18.71"), Program = "TPBIS", FormToken = "t1", UpdatedAt = Start },
        new() { Id = "bimtek-2024-002", Name = "Pelatihan Ma'ruf 🙏", StartDate = new(2024, 6, 1), EndDate = new(2024, 6, 1), FormToken = "t2", UpdatedAt = Start.AddDays(3).AddTicks(7) },
    ];

    private static object?[] ExpectedEvent(TrainingEvent e) =>
        [e.Id, e.Name, e.StartDate, e.EndDate, e.EndDate.DayNumber - e.StartDate.DayNumber + 1, e.Venue, e.Province?.Code, e.Province?.Name, e.Regency?.Code, e.Regency?.Name, e.Program, e.UpdatedAt];

    private static IReadOnlyList<RegionRow> RegionRows =>
        [.. RegionDirectory.Official.All.Select(r => new RegionRow(r, r.ParentCode is null ? r : RegionDirectory.Official.Get(r.ParentCode)))];

    private static object?[] ExpectedRegion(RegionRow r) =>
        [r.Region.Code, r.Region.Name, r.Region.ParentCode is null ? "province" : "regency", r.Province.Code, r.Province.Name];
}
