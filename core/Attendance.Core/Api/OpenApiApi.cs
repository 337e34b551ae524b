using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the API's OpenAPI 3.0 document, for Power Automate custom connectors and form
/// tools to import. It is written by hand (Api/openapi.json) and kept true by tests that compare it with
/// <see cref="ApiRoutes"/> and the submission fields. Served through <see cref="ApiGuard"/> like every route, so it
/// has its request line too.
/// </summary>
public sealed class OpenApiApi(ApiGuard guard)
{
    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiApi).Assembly.GetManifestResourceStream("Attendance.Api.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The document's bytes (UTF-8 JSON).</summary>
    public static ReadOnlyMemory<byte> Json => Document.Value;

    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.OpenApi.Name, () => Task.FromResult<IResult>(TypedResults.Bytes(Document.Value, "application/json")), cancellationToken);
}
