using System.Text.Json;
using Attendance.Privacy;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>POST /api/participants/lookup</c> (admin key): what the product holds about a person, to answer an access
/// request (UU 27/2022). The person is named in the body (<see cref="PersonBody"/>), never in the URL.
/// </summary>
public sealed class PrivacyApi(ParticipantLookup lookup, SubmissionValidator validator, RegionDirectory regions, ApiGuard guard)
{
    public Task<IResult> PostLookupAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostLookup.Name, async () =>
        {
            var body = await RequestBody.ReadAsync(request, cancellationToken);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (body.Json is null || body.Json.RootElement.ValueKind != JsonValueKind.Object)
            {
                body.Json?.Dispose();
                return ApiProblems.Invalid("body", "must be a JSON object: email and/or phone, or fullName with province and regency.");
            }

            using var json = body.Json;
            var errors = new FieldErrors();
            var person = PersonBody.Read(json.RootElement, [], validator, regions, errors);
            if (!errors.IsEmpty || person is null)
            {
                return ApiProblems.Invalid(errors);
            }

            return TypedResults.Ok(LookupView.From(await lookup.FindAsync(person, ChangesApi.AdminKeyName, cancellationToken)));
        }, cancellationToken);
}

/// <summary>The answer to an access request: every stored attendance with every field, and the analytics' holdings.</summary>
public sealed record LookupView(int Count, IReadOnlyList<StoredAttendanceView> Attendances, IReadOnlyList<AnalyticsHolding> Analytics)
{
    public static LookupView From(LookupResult result) =>
        new(result.Attendances.Count, [.. result.Attendances.Select(StoredAttendanceView.From)], result.Analytics);
}

/// <summary>One stored attendance, every field the store keeps.</summary>
public sealed record StoredAttendanceView(
    string EventId,
    string SubmissionId,
    string SessionDate,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CheckInAt,
    string FullName,
    string? Gender,
    string? Institution,
    string? InstitutionType,
    string? Position,
    RegionView Province,
    RegionView Regency,
    string? Email,
    string? Phone,
    string? Source,
    string? ClientSubmissionId,
    DateTimeOffset? ContactsClearedAt)
{
    public static StoredAttendanceView From(StoredSubmission stored)
    {
        var s = stored.Submission;
        return new(s.EventId, stored.SubmissionId, s.SessionDate.ToString("O"), stored.ReceivedAt, s.CheckInAt, s.FullName, s.Gender, s.Institution,
            s.InstitutionType, s.Position, RegionView.From(s.Province)!, RegionView.From(s.Regency)!, s.Email, s.Phone, s.Source, s.SubmissionId,
            stored.Cleared?.At);
    }
}
