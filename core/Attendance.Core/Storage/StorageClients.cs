using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Attendance.Storage;

/// <summary>
/// Builds the SDK's service clients from <see cref="StorageOptions"/>: from the connection string when there is
/// one (Azurite, development, the CLI), else from the service URIs with an Entra ID credential (the deployed app,
/// whose storage refuses shared keys).
/// </summary>
internal static class StorageClients
{
    /// <summary>The name of the clients that never retry, so a health check reports an outage at once.</summary>
    public const string Health = "health";

    public static TableServiceClient Tables(StorageOptions options, TableClientOptions clientOptions, TokenCredential credential) =>
        options.ConnectionString is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, clientOptions)
            : new TableServiceClient(options.TableServiceUri, credential, clientOptions);

    public static BlobServiceClient Blobs(StorageOptions options, BlobClientOptions clientOptions, TokenCredential credential) =>
        options.ConnectionString is { Length: > 0 } connectionString
            ? new BlobServiceClient(connectionString, clientOptions)
            : new BlobServiceClient(options.BlobServiceUri, credential, clientOptions);

    /// <summary>
    /// The user-assigned managed identity named by <see cref="StorageOptions.ClientId"/> when deployed; without it,
    /// <see cref="DefaultAzureCredential"/>, which also takes a developer's <c>az login</c>.
    /// </summary>
    public static TokenCredential Credential(StorageOptions options) =>
        options.ClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();

    /// <summary>The health clients' options: one attempt, and a short wait, so a check answers within seconds even when packets are dropped.</summary>
    public static void NeverRetry(ClientOptions clientOptions)
    {
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
    }

    /// <summary>The documented retry settings, set explicitly: each SDK has defaults of its own.</summary>
    public static void ApplyRetries(ClientOptions clientOptions, StorageOptions options)
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.Diagnostics.ApplicationId = "attendance";
    }
}
