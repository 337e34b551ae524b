using System.Text.Json;
using Attendance.Corrections;
using Attendance.Events;
using Attendance.Regions;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// Changes after the fact, all with the admin key: <c>PATCH</c> and <c>DELETE /api/events/{eventId}/attendance/{submissionId}</c>
/// correct and void one attendance, <c>POST /api/participants/erasure</c> erases a person, <c>GET /api/events/{eventId}/changes</c>
/// lists an event's audit trail. Personal values travel in bodies only; the void's reason is refused if it holds contacts.
/// </summary>
public sealed class ChangesApi(EventStore events, AttendanceChanges changes, ParticipantErasure erasure, SubmissionValidator validator, RegionDirectory regions, ApiGuard guard)
{
    /// <summary>
    /// The name the audit trail records for the key a change came with. Both hosts let only the admin key through to
    /// these routes, and the Functions host does not tell the worker which of its admin-level keys was used.
    /// </summary>
    public const string AdminKeyName = "admin";

    public Task<IResult> PatchAsync(HttpRequest request, string eventId, string submissionId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PatchAttendance.Name, async () =>
        {
            if (await FindEventAsync(eventId, submissionId, cancellationToken) is { } refused)
            {
                return refused;
            }

            var body = await RequestBody.ReadAsync(request, cancellationToken);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (body.Json is null)
            {
                return ApiProblems.Invalid("body", "must be a JSON object with the fields to correct and a reason (Content-Type: application/json).");
            }

            using var json = body.Json;
            var errors = new FieldErrors();
            var (patch, reason) = ReadPatch(json.RootElement, errors);
            var change = ChangeRequest.From(AdminKeyName, reason, errors);
            if (patch.Count == 0 && errors.IsEmpty)
            {
                errors.Add("body", $"names no field to correct. Fields that can be corrected: {string.Join(", ", CorrectableFields.All)}.");
            }

            if (!errors.IsEmpty || change is null)
            {
                return ApiProblems.Invalid(errors);
            }

            return Answer(await changes.CorrectAsync(eventId, submissionId, patch, change, cancellationToken));
        }, cancellationToken);

    public Task<IResult> DeleteAsync(HttpRequest request, string eventId, string submissionId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.DeleteAttendance.Name, async () =>
        {
            if (await FindEventAsync(eventId, submissionId, cancellationToken) is { } refused)
            {
                return refused;
            }

            var errors = new FieldErrors();
            var change = ChangeRequest.From(AdminKeyName, request.Query[ChangeRequest.ReasonField].FirstOrDefault(), errors);
            return change is null
                ? ApiProblems.Invalid(errors)
                : Answer(await changes.VoidAsync(eventId, submissionId, change, cancellationToken));
        }, cancellationToken);

    public Task<IResult> PostErasureAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.PostErasure.Name, async () =>
        {
            var body = await RequestBody.ReadAsync(request, cancellationToken);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (body.Json is null || body.Json.RootElement.ValueKind != JsonValueKind.Object)
            {
                body.Json?.Dispose();
                return ApiProblems.Invalid("body", "must be a JSON object: email and/or phone, or fullName with province and regency; reason; preview.");
            }

            using var json = body.Json;
            var errors = new FieldErrors();
            var root = json.RootElement;
            var person = PersonBody.Read(root, [ChangeRequest.ReasonField, "preview"], validator, regions, errors);
            // Erasing cannot be undone, so it is never what a forgotten field means: preview must be said either way.
            var preview = false;
            if (root.TryGetProperty("preview", out var previewValue) && previewValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                preview = previewValue.GetBoolean();
            }
            else
            {
                errors.Add("preview", "is required: true to see what would be erased, then false to erase it (this cannot be undone).");
            }

            var change = ChangeRequest.From(AdminKeyName, PersonBody.Text(root, ChangeRequest.ReasonField, errors), errors);
            if (!errors.IsEmpty || person is null || change is null)
            {
                return ApiProblems.Invalid(errors);
            }

            return TypedResults.Ok(ErasureView.From(await erasure.EraseAsync(person, change, preview, cancellationToken)));
        }, cancellationToken);

    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetChanges.Name, async () =>
        {
            if (!Identifiers.IsValid(eventId))
            {
                return ApiProblems.Invalid("eventId", Identifiers.Rule);
            }

            if (await events.GetAsync(eventId, cancellationToken) is null)
            {
                return ApiProblems.NotFound($"No event '{eventId}' is registered.");
            }

            var list = new List<ChangeView>();
            await foreach (var change in changes.ListAsync(eventId, cancellationToken))
            {
                list.Add(ChangeView.From(change));
            }

            return TypedResults.Ok(new { eventId, changes = list });
        }, cancellationToken);

    /// <summary>A refusal when the ids are malformed or the event is not registered; null when both are fine.</summary>
    private async Task<IResult?> FindEventAsync(string eventId, string submissionId, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(eventId))
        {
            return ApiProblems.Invalid("eventId", Identifiers.Rule);
        }

        if (!StoredIds.IsValid(submissionId))
        {
            return ApiProblems.Invalid("submissionId", StoredIds.Rule);
        }

        return await events.GetAsync(eventId, cancellationToken) is null
            ? ApiProblems.NotFound($"No event '{eventId}' is registered.")
            : null;
    }

    /// <summary>The fields to correct (a JSON null clears an optional one) and the reason; anything else is an error naming it.</summary>
    private static (Dictionary<string, string?> Patch, string? Reason) ReadPatch(JsonElement root, FieldErrors errors)
    {
        var patch = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? reason = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object with the fields to correct and a reason.");
            return (patch, reason);
        }

        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (name == ChangeRequest.ReasonField)
            {
                reason = PersonBody.Text(root, name, errors);
            }
            else if (CorrectableFields.IsCorrectable(name))
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    patch[name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString();
                }
                else
                {
                    errors.Add(name, $"must be a string or null, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.");
                }
            }
            else
            {
                errors.Add(name, SubmissionFields.All.Contains(name) ? CorrectableFields.NotCorrectable : CorrectableFields.Rule);
            }
        }

        return (patch, reason);
    }

    private static IResult Answer(ChangeOutcome outcome) => outcome.Status switch
    {
        ChangeStatus.Done or ChangeStatus.Unchanged => TypedResults.Ok(ChangeOutcomeView.From(outcome)),
        ChangeStatus.NotFound => ApiProblems.NotFound($"Event '{outcome.EventId}' holds no attendance '{outcome.SubmissionId}' (never stored, or erased)."),
        ChangeStatus.Invalid => ApiProblems.Invalid(outcome.Errors!),
        ChangeStatus.Conflict => ApiProblems.Conflict(
            FieldErrors.Single("submissionId",
                $"the corrected values make this the same person on the same day as attendance '{outcome.ConflictingSubmissionId}'. Void one of the two if they are the same person."),
            "The correction collides with another attendance."),
        ChangeStatus.Withdrawn => ApiProblems.Conflict(
            FieldErrors.Single("submissionId", $"attendance '{outcome.SubmissionId}' was {StateView(outcome.State)} and can no longer be corrected."),
            "The attendance no longer counts."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>A record's state as answers name it: the stored name, <c>live</c> for one that counts.</summary>
    internal static string StateView(RecordState? state) => SubmissionRows.StateName(state ?? RecordState.Live) ?? "live";
}
