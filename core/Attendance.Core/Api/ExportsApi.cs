using Attendance.Export;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>POST /api/exports</c> (admin key): runs the export now and returns its summary. Safe beside the nightly
/// timer: overlapping runs are resolved by the Delta log (see <see cref="AttendanceExport"/>). When the configured
/// pseudonym key is not the one the attendance table was written with, answers 409 Conflict (problem+json): the
/// request conflicts with the table's state, nothing was committed, and retrying cannot help until the key is
/// restored or the table rebuilt deliberately.
/// </summary>
public sealed class ExportsApi(ExportRunner runner, ApiGuard guard)
{
    public const string Trigger = "api";

    public Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostExports.Name, async () =>
        {
            try
            {
                return TypedResults.Ok(await runner.RunAsync(Trigger, progress: null, cancellationToken));
            }
            catch (PseudonymKeyMismatchException ex)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The pseudonym key does not match the attendance table.", detail: ex.Message);
            }
        }, cancellationToken);
}
