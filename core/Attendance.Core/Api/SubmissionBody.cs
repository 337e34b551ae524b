using System.Text.Json;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// Turns a read body into submissions: a JSON object (one), a JSON array (a batch of 1 to
/// <see cref="SubmissionIntake.MaxBatch"/>), or HTML form fields (one).
/// </summary>
public sealed record SubmissionBody(IReadOnlyList<SubmissionFields> Items, bool IsBatch)
{

    /// <summary>The submissions, or the 4xx result for a body that holds none.</summary>
    public static (SubmissionBody? Body, IResult? Error) From(BodyReadResult read)
    {
        if (read.Error is not null)
        {
            return (null, read.Error);
        }

        if (read.Form is not null)
        {
            return (new SubmissionBody([SubmissionFields.FromForm(read.Form)], IsBatch: false), null);
        }

        using var json = read.Json!;
        var root = json.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return (new SubmissionBody([SubmissionFields.FromJson(root)], IsBatch: false), null);
            case JsonValueKind.Array:
                var count = root.GetArrayLength();
                if (count is 0 or > SubmissionIntake.MaxBatch)
                {
                    return (null, ApiProblems.Invalid("body", $"must hold 1 to {SubmissionIntake.MaxBatch} submissions (got {count})."));
                }

                return (new SubmissionBody([.. root.EnumerateArray().Select(SubmissionFields.FromJson)], IsBatch: true), null);
            default:
                return (null, ApiProblems.Invalid("body", "must be a JSON object (one submission) or an array of objects (a batch)."));
        }
    }

    /// <summary>
    /// The response: for one submission 201 created, 200 duplicate, 400 with field errors or 409 when its id belongs to
    /// another attendance; for a batch 200 with one result per item, in order.
    /// </summary>
    public IResult Respond(IReadOnlyList<IntakeOutcome> outcomes)
    {
        if (IsBatch)
        {
            return TypedResults.Ok(new BatchResponse([.. outcomes.Select(SubmissionResult.From)]));
        }

        var outcome = outcomes[0];
        if (outcome.Receipt is { Status: ReceiptStatus.Conflict })
        {
            return ApiProblems.Conflict(outcome.Errors!);
        }

        if (outcome.Receipt is null)
        {
            return ApiProblems.Invalid(outcome.Errors!);
        }

        var result = SubmissionResult.From(outcome);
        return outcome.Receipt.Status == ReceiptStatus.Created
            ? TypedResults.Created((string?)null, result)
            : TypedResults.Ok(result);
    }
}

/// <summary>
/// The result of one submission: <c>created</c> or <c>duplicate</c> with its id, <c>invalid</c> with errors, or
/// <c>conflict</c> with the refused id and an error on <c>submissionId</c>.
/// </summary>
public sealed record SubmissionResult(
    string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SubmissionId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors)
{
    public static SubmissionResult From(IntakeOutcome outcome) => outcome.Receipt switch
    {
        { Status: ReceiptStatus.Created } r => new("created", r.SubmissionId, null),
        { Status: ReceiptStatus.Duplicate } r => new("duplicate", r.SubmissionId, null),
        { Status: ReceiptStatus.Conflict } r => new("conflict", r.SubmissionId, outcome.Errors!.ToDictionary()),
        _ => new("invalid", null, outcome.Errors!.ToDictionary()),
    };
}

/// <summary>The response to a batch: one result per submission, in the order they were sent.</summary>
public sealed record BatchResponse(IReadOnlyList<SubmissionResult> Results);
