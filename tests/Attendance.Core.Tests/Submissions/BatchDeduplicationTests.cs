namespace Attendance.Core.Tests.Submissions;

public sealed class BatchDeduplicationTests
{
    private static readonly Region Lampung = new("18", "Lampung", RegionLevel.Province, null);
    private static readonly Region Metro = new("18.72", "Kota Metro", RegionLevel.Regency, "18");
    private static readonly DateOnly Monday = new(2026, 3, 9);

    [Fact]
    public void An_empty_batch_plans_nothing()
    {
        var plan = BatchDeduplication.Plan([]);

        AssertPlan(plan, toStore: [], repeats: [], conflicts: []);
    }

    [Fact]
    public void A_batch_without_repeats_is_stored_whole_in_order()
    {
        var plan = BatchDeduplication.Plan(
        [
            Signing("Siti Rahayu", Monday, "form-1"),
            Signing("Budi Santoso", Monday, "form-2"),
            Signing("Siti Rahayu", Monday.AddDays(1), "form-3"),
            Signing("Made Wirawan", Monday, id: null),
        ]);

        AssertPlan(plan, toStore: [0, 1, 2, 3], repeats: [], conflicts: []);
    }

    [Fact]
    public void The_same_person_twice_the_same_day_is_a_repeat_of_the_first_whatever_its_id()
    {
        var plan = BatchDeduplication.Plan(
        [
            Signing("Siti Rahayu", Monday, "form-1"),
            Signing("Budi Santoso", Monday, "form-2"),
            Signing("SITI  RAHAYU", Monday, "form-3"),
            Signing("Siti Rahayu", Monday, id: null),
        ]);

        AssertPlan(plan, toStore: [0, 1], repeats: [new BatchRepeat(2, 0), new BatchRepeat(3, 0)], conflicts: []);
    }

    [Fact]
    public void The_same_id_for_the_same_attendance_is_a_repeat()
    {
        var plan = BatchDeduplication.Plan([Signing("Siti Rahayu", Monday, "form-1"), Signing("Siti Rahayu", Monday, "form-1")]);

        AssertPlan(plan, toStore: [0], repeats: [new BatchRepeat(1, 0)], conflicts: []);
    }

    [Fact]
    public void The_same_id_for_another_attendance_is_a_conflict_and_the_first_keeps_the_id()
    {
        var plan = BatchDeduplication.Plan(
        [
            Signing("Siti Rahayu", Monday, "form-1"),
            Signing("Budi Santoso", Monday, "form-1"),
            Signing("Siti Rahayu", Monday.AddDays(1), "form-1"),
        ]);

        AssertPlan(plan, toStore: [0], repeats: [], conflicts: [1, 2]);
    }

    [Fact]
    public void A_refused_item_takes_no_key_so_a_later_repeat_of_its_attendance_is_stored()
    {
        var plan = BatchDeduplication.Plan(
        [
            Signing("Siti Rahayu", Monday, "form-1"),
            Signing("Budi Santoso", Monday, "form-1"),
            Signing("Budi Santoso", Monday, "form-2"),
        ]);

        AssertPlan(plan, toStore: [0, 2], repeats: [], conflicts: [1]);
    }

    [Fact]
    public void Ids_are_compared_within_their_source_and_event()
    {
        var plan = BatchDeduplication.Plan(
        [
            Signing("Siti Rahayu", Monday, "17") with { Source = "Microsoft Forms A" },
            Signing("Budi Santoso", Monday, "17") with { Source = "Microsoft Forms B" },
            Signing("Made Wirawan", Monday, "17") with { Source = "Microsoft Forms A", EventId = "evt-2" },
            Signing("Made Wirawan", Monday, "18") with { Source = "microsoft forms a" },
        ]);

        AssertPlan(plan, toStore: [0, 1, 2, 3], repeats: [], conflicts: []);
    }

    [Fact]
    public void The_same_person_at_two_events_is_no_repeat()
    {
        var plan = BatchDeduplication.Plan([Signing("Siti Rahayu", Monday, null), Signing("Siti Rahayu", Monday, null) with { EventId = "evt-2" }]);

        AssertPlan(plan, toStore: [0, 1], repeats: [], conflicts: []);
    }

    private static AttendanceSubmission Signing(string fullName, DateOnly sessionDate, string? id) => new()
    {
        EventId = "evt-1",
        SessionDate = sessionDate,
        FullName = fullName,
        Province = Lampung,
        Regency = Metro,
        SubmissionId = id,
    };

    private static void AssertPlan(BatchPlan plan, int[] toStore, BatchRepeat[] repeats, int[] conflicts)
    {
        Assert.Equal(toStore, plan.ToStore);
        Assert.Equal(repeats, plan.Repeats);
        Assert.Equal(conflicts, plan.Conflicts);
    }
}
