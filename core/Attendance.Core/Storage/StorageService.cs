using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage;

/// <summary>
/// One storage service endpoint (Table or Blob) with its pipeline: the single place where both REST clients
/// build requests, send them and learn about failures.
/// </summary>
internal sealed class StorageService
{
    private readonly HttpPipeline pipeline;
    private readonly string root;
    private readonly string version;

    public StorageService(HttpPipeline pipeline, Uri serviceUri, string version)
    {
        this.pipeline = pipeline;
        root = serviceUri.AbsoluteUri.TrimEnd('/');
        this.version = version;
    }

    /// <summary>Builds the pipeline of one service: retries, the caller's extra policies, and auth signed per attempt.</summary>
    public static StorageService Create(
        StorageOptions options, IEnumerable<StoragePipelinePolicy> extraPolicies, HttpPipelinePolicy auth, Uri serviceUri, string version)
    {
        var pipeline = HttpPipelineBuilder.Build(new StorageClientOptions(options, extraPolicies), [], [auth], new ResponseClassifier());
        return new StorageService(pipeline, serviceUri, version);
    }

    /// <summary>The absolute URL of <paramref name="relative"/>, which is already percent-encoded.</summary>
    public string Url(string relative) => root + "/" + relative;

    public HttpMessage CreateMessage(RequestMethod method, string relative)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(Url(relative)));
        message.Request.Headers.SetValue("x-ms-version", version);
        return message;
    }

    /// <summary>
    /// Sends through retries and returns the final response whatever its status. When every attempt failed
    /// without a response, Azure.Core reports an <see cref="AggregateException"/>; it is turned into one
    /// <see cref="RequestFailedException"/> (status 0 unless the last attempt had one, the aggregate inside)
    /// so callers have one exception type to catch.
    /// </summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken)
    {
        try
        {
            if (async)
            {
                await pipeline.SendAsync(message, cancellationToken);
            }
            else
            {
                pipeline.Send(message, cancellationToken);
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            var last = ex.InnerExceptions[^1] as RequestFailedException;
            throw new RequestFailedException(last?.Status ?? 0, ex.Message, last?.ErrorCode, ex);
        }

        return message.Response;
    }

    public Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        SendAsync(message, async: true, cancellationToken).AsTask();

    /// <summary>Sends and throws <see cref="RequestFailedException"/> unless the status is a success.</summary>
    public async Task<Response> SendExpectingSuccessAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        var response = await SendAsync(message, cancellationToken);
        return response.IsError ? throw StorageErrors.ToException(response) : response;
    }

    /// <summary>The ETag response header, without which a write result is meaningless.</summary>
    public static string ETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? etag : throw new RequestFailedException(response.Status, "The service returned no ETag.");
}
