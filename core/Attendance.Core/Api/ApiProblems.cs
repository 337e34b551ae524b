using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>The RFC 7807 problem results the API returns, worded once for every handler.</summary>
public static class ApiProblems
{
    /// <summary>Seconds a client should wait before retrying when storage is unavailable.</summary>
    public const int RetryAfterSeconds = 30;

    public static IResult Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "One or more fields are invalid.");

    public static IResult Invalid(string field, string message) => Invalid(FieldErrors.Single(field, message));

    /// <summary>409 with field errors: the request is well formed but contradicts what is stored.</summary>
    public static IResult Conflict(FieldErrors errors, string title = "The request conflicts with what is stored.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
        });

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);

    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: detail);

    /// <summary>503 with Retry-After: storage did not answer; no submission was stored half-way, and a retry is safe.</summary>
    public static IResult StorageUnavailable() => new RetryAfterResult(
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage is unavailable.",
            detail: "The attendance store did not answer. Each submission is stored whole or not at all; retry later with the same body: those already stored come back as duplicates with their ids."),
        RetryAfterSeconds);

    /// <summary>503 with Retry-After: other writers kept changing the same rows; nothing of this request was stored.</summary>
    public static IResult Busy() => new RetryAfterResult(
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Too many concurrent changes.",
            detail: "Other requests kept changing the same event while this one ran; nothing of it was stored. Retry later with the same body."),
        RetryAfterSeconds);

    /// <summary><paramref name="inner"/> with a <c>Retry-After</c> of <paramref name="seconds"/>.</summary>
    public static IResult WithRetryAfter(IResult inner, int seconds) => new RetryAfterResult(inner, seconds);

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
