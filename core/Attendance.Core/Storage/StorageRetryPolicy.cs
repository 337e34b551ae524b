using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage;

/// <summary>
/// Azure.Core's exponential retry, except for requests marked with <see cref="MarkNoRetry"/>: a health
/// check must report an outage at once instead of waiting out the retries.
/// </summary>
internal sealed class StorageRetryPolicy : RetryPolicy
{
    private const string NoRetryProperty = "Attendance.Storage.NoRetry";

    public StorageRetryPolicy(StorageOptions options)
        : base(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay))
    {
    }

    public static void MarkNoRetry(HttpMessage message) => message.SetProperty(NoRetryProperty, true);

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !message.TryGetProperty(NoRetryProperty, out _) && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        !message.TryGetProperty(NoRetryProperty, out _) && await base.ShouldRetryAsync(message, exception);
}
