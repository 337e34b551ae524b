using Attendance.Export;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>POST /api/exports</c> (admin key): runs the export now and returns its summary. Safe beside the nightly
/// timer: overlapping runs are resolved by the Delta log (see <see cref="AttendanceExport"/>).
/// </summary>
public sealed class ExportsApi(ExportRunner runner, ApiGuard guard)
{
    public const string Trigger = "api";

    public Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostExports.Name, async () =>
            TypedResults.Ok(await runner.RunAsync(Trigger, progress: null, cancellationToken)), cancellationToken);
}
