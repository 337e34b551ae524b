namespace Attendance.Core.Tests.Regions;

/// <summary>What a resolution found as one value to compare, so a failing test shows what came instead.</summary>
internal static class ResolvedCode
{
    /// <summary>The found region's code, or the status and message of a resolution that found none.</summary>
    public static string Of(RegionResolution result) => result.IsFound ? result.Region.Code : $"{result.Status}: {result.Message}";
}
