using Attendance.Events;

namespace Attendance.Testing;

/// <summary>The events core's unit tests judge sign-ins and pages against.</summary>
public static class TestEvents
{
    /// <summary>
    /// The Bimtek SPP-TIK in Bandar Lampung, 5-8 June 2023, with a fresh form token: a test that needs more (the
    /// province, a known token) adds it with <c>with</c>.
    /// </summary>
    public static TrainingEvent Lampung() => new()
    {
        Id = "bimtek-lampung-2023",
        Name = "Bimtek SPP-TIK Lampung",
        StartDate = new DateOnly(2023, 6, 5),
        EndDate = new DateOnly(2023, 6, 8),
        FormToken = FormToken.Create(),
    };
}
