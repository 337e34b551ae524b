using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage;

/// <summary>
/// An extra Azure.Core pipeline policy applied to every request of both storage clients, registered in DI with
/// <see cref="StorageServiceCollectionExtensions.AddStoragePipelinePolicy"/>. Meant for tests that inject faults
/// (fail the Nth request) or observe traffic. <see cref="HttpPipelinePosition.PerRetry"/> (the default) sees every
/// attempt, after signing; <see cref="HttpPipelinePosition.PerCall"/> sees each operation once, before retries.
/// </summary>
public sealed class StoragePipelinePolicy
{
    public StoragePipelinePolicy(HttpPipelinePolicy policy, HttpPipelinePosition position = HttpPipelinePosition.PerRetry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        Position = position;
    }

    public HttpPipelinePolicy Policy { get; }

    public HttpPipelinePosition Position { get; }
}
