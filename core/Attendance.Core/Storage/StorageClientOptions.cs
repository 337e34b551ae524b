using Azure.Core;

namespace Attendance.Storage;

/// <summary>Azure.Core client options built from <see cref="StorageOptions"/> and the registered extra policies.</summary>
internal sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions(StorageOptions options, IEnumerable<StoragePipelinePolicy> extraPolicies)
    {
        RetryPolicy = new StorageRetryPolicy(options);
        Retry.NetworkTimeout = options.NetworkTimeout;
        Diagnostics.ApplicationId = "attendance";
        foreach (var extra in extraPolicies)
        {
            AddPolicy(extra.Policy, extra.Position);
        }
    }
}
