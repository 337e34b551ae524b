using Attendance.Api;
using Attendance.Organizer;

namespace Attendance.Core.Tests.Organizer;

/// <summary>The recap's totals per day stand once, after the last participant, not in a footer printed on every page.</summary>
public sealed class RecapTotalsTests
{
    [Fact]
    public void The_totals_are_one_row_after_the_last_participant_and_no_table_footer()
    {
        string[] days = ["2023-06-05", "2023-06-06"];
        var people = Enumerable.Range(1, 80)
            .Select(i => new ParticipantDays(i, $"Peserta {i:D2}", "Perpustakaan Desa", new RegionView("18.09", "Kabupaten Pesawaran"), new RegionView("18", "Lampung"),
                null, null, i % 2 == 0 ? days : [days[0]], i % 2 == 0))
            .ToList();
        var sheet = new EventAttendanceSheet("bimtek-lampung", "Bimtek SPP-TIK Lampung", null, days,
            new Dictionary<string, int> { [days[0]] = 80, [days[1]] = 40 }, people, [.. people.Where(p => p.AttendedEveryDay).Select(p => p.FullName)]);

        var page = AttendanceSheetPage.Whole(sheet, new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 6));

        Assert.DoesNotContain("<tfoot", page, StringComparison.Ordinal);
        var totals = page.IndexOf("Jumlah hadir per hari", StringComparison.Ordinal);
        Assert.Equal(totals, page.LastIndexOf("Jumlah hadir per hari", StringComparison.Ordinal));
        Assert.True(totals > page.IndexOf("Peserta 80", StringComparison.Ordinal), "the totals follow the last participant");
        Assert.Contains("<th class=\"day\">80</th><th class=\"day\">40</th><th></th><th class=\"day\">40</th>", page[totals..], StringComparison.Ordinal);
    }
}
