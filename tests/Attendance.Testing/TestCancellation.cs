using Xunit;

namespace Attendance.Testing;

/// <summary>
/// The running test's cancellation token, so a test stopped by the runner (timeout, Ctrl+C) stops its awaits too.
/// Every test project imports it with <c>using static</c>, so a test writes <c>Ct</c>.
/// </summary>
public static class TestCancellation
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
