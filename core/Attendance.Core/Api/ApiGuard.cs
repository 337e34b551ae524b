using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attendance.Api;

/// <summary>
/// The one place unexpected failures become responses, for every handler and host (the Functions worker
/// has no ASP.NET middleware): storage that does not answer gives 503 with Retry-After, anything else a
/// 500 problem without internals. Input errors never reach here: handlers return 4xx results for them.
/// </summary>
public sealed partial class ApiGuard(ILogger<ApiGuard> logger)
{
    public async Task<IResult> RunAsync(string route, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        try
        {
            return await handler();
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
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,

        // The managed identity's token endpoint did not answer: storage is unreachable for this instance.
        Azure.Identity.AuthenticationFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => IsStorageOutage(inner, cancellationToken)),
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Storage unavailable while serving {Route}: {ExceptionType} status {Status}")]
    private static partial void LogStorageUnavailable(ILogger logger, string route, string exceptionType, int status);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unexpected failure while serving {Route}")]
    private static partial void LogUnexpected(ILogger logger, string route, Exception exception);
}
