using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>POST /api/submissions</c> (function key): one submission as JSON or as an HTML form, or a JSON array of
/// up to 500. Used by Power Automate, KoboToolbox/ODK REST services and typed-in paper sheets.
/// </summary>
public sealed class SubmissionsApi(SubmissionIntake intake, ApiGuard guard)
{
    public Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostSubmissions.Name, async () =>
        {
            var (body, error) = SubmissionBody.From(await RequestBody.ReadAsync(request, cancellationToken));
            if (body is null)
            {
                return error!;
            }

            return body.Respond(await intake.AcceptAsync(body.Items, cancellationToken: cancellationToken));
        }, cancellationToken);
}
