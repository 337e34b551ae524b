using Attendance.Events;
using Attendance.Storage;
using Attendance.Submissions;
using System.Diagnostics;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attendance.Api;

/// <summary>
/// The one place failures become responses, for every handler and host (the Functions worker has no ASP.NET
/// middleware): storage that does not answer, a table found gone, or writers that keep losing the ETag race give
/// 503 with Retry-After; a request body the client sends too slowly gives 408; event dates that would leave
/// stored attendance outside give 409 naming the days; anything else a 500 problem without internals.
/// </summary>
public sealed partial class ApiGuard(ILogger<ApiGuard> logger)
{
    /// <summary>
    /// Runs a handler and logs one line per request: the route's name, the status and the time taken. It is the
    /// product's request log in every host, and it never sees the URL, the query or the headers, so no key or token
    /// can reach it (the hosts' own URL lines are held below Warning by <see cref="RequestLogFilters"/>).
    /// </summary>
    public async Task<IResult> RunAsync(string route, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await GuardAsync(route, handler, cancellationToken);
        LogAnswered(logger, route, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private async Task<IResult> GuardAsync(string route, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler();
        }
        catch (EventDatesConflictException ex)
        {
            var days = EventDatesConflictException.Describe(ex.Outside);
            var errors = new FieldErrors();
            errors.Add("startDate", $"would leave attendance stored on {days} outside the event; move or correct that attendance first.");
            errors.Add("endDate", $"would leave attendance stored on {days} outside the event; move or correct that attendance first.");
            return ApiProblems.Conflict(errors, "The new dates leave stored attendance outside the event.");
        }
        catch (Attendance.Corrections.CounterMissingException ex)
        {
            LogCounterMissing(logger, route, ex.EventId);
            return ApiProblems.WithRetryAfter(
                TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The event's counter is missing.",
                    detail: "Nothing was changed. The event's records were found without their counter (a store restored in part); the next sign-in restores it, and `attendance verify` reports what happened. Retry then."),
                ApiProblems.RetryAfterSeconds);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's verdict on the transfer (408 for a body sent too slowly): the client's doing, not storage's.
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "The request could not be read.", detail: "Nothing was stored; send the request again.");
        }
        catch (Exception ex) when (IsContention(ex))
        {
            LogContention(logger, route, ex.GetType().Name);
            return ApiProblems.Busy();
        }
        catch (Exception ex) when (IsStorageOutage(ex, cancellationToken))
        {
            LogStorageUnavailable(logger, route, ex.GetType().Name, (ex as RequestFailedException)?.Status ?? 0);
            return ApiProblems.StorageUnavailable();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnexpected(logger, route, ex);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error.",
                detail: "The failure was logged. Retrying the same request is safe: submissions are idempotent.");
        }
    }

    /// <summary>
    /// Whether <paramref name="ex"/> means storage did not answer (network failure, timeout, 5xx, throttling
    /// after the pipeline's retries) rather than a bug or a client's cancellation.
    /// </summary>
    public static bool IsStorageOutage(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        BadHttpRequestException => false,

        // An event's counter had to resume and the export's mark could not be read (whatever the reason: a Delta log
        // that does not parse is as unreadable as an account that does not answer); retrying later is safe.
        ExportMarkUnavailableException => true,

        // A table or container found gone even after the store created it again (deleted twice in a row).
        RequestFailedException missing when CreateOnce.IsMissing(missing) => true,

        // Azure Storage keeps a deleted table's name for a while: creating it again waits until it is free.
        RequestFailedException { ErrorCode: "TableBeingDeleted" } => true,
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,

        // The managed identity's token endpoint did not answer: storage is unreachable for this instance.
        Azure.Identity.AuthenticationFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => IsStorageOutage(inner, cancellationToken)),
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Whether <paramref name="ex"/> means other writers kept winning the ETag race on the same rows.</summary>
    public static bool IsContention(Exception ex) =>
        ex is EventBusyException or Attendance.Export.ExportConflictException or RequestFailedException { Status: 409 or 412, ErrorCode: not "TableBeingDeleted" };

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Route} found the counter of event {EventId} missing; nothing was changed")]
    private static partial void LogCounterMissing(ILogger logger, string route, string eventId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Route} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void LogAnswered(ILogger logger, string route, int status, double elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Writers kept racing while serving {Route}: {ExceptionType}")]
    private static partial void LogContention(ILogger logger, string route, string exceptionType);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Storage unavailable while serving {Route}: {ExceptionType} status {Status}")]
    private static partial void LogStorageUnavailable(ILogger logger, string route, string exceptionType, int status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unexpected failure while serving {Route}")]
    private static partial void LogUnexpected(ILogger logger, string route, Exception exception);
}
