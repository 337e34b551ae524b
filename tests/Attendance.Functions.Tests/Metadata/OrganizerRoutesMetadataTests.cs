namespace Attendance.Functions.Tests.Metadata;

/// <summary>
/// The venue and organizer routes as the Functions host will index them (functions.metadata from the build): who may
/// call each is stated here in the product's words, not derived from the route table the other test compares with.
/// </summary>
public sealed class OrganizerRoutesMetadataTests
{
    [Theory]
    [InlineData("GetForm", "get", "events/{eventId}/form", "Anonymous")]
    [InlineData("PostForm", "post", "events/{eventId}/form", "Anonymous")]
    [InlineData("GetEventQr", "get", "events/{eventId}/qr", "Function")]
    [InlineData("GetAttendance", "get", "events/{eventId}/attendance", "Function")]
    [InlineData("PostFormToken", "post", "events/{eventId}/form-token", "Admin")]
    public void The_route_is_an_http_function_with_its_method_and_auth_level(string name, string method, string route, string authLevel)
    {
        var (_, trigger) = Assert.Single(FunctionsMetadata.Http, f => f.Function.Name == name);
        Assert.Equal([method], trigger.Methods!.Select(m => m.ToLowerInvariant()));
        Assert.Equal(route, trigger.Route);
        Assert.Equal(authLevel, trigger.AuthLevel);
    }
}
