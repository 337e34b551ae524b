using Attendance.Storage.Auth;
using Attendance.Storage.Blobs;
using Attendance.Storage.Tables;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Attendance.Storage;

/// <summary>
/// The storage account over the Table and Blob REST APIs on Azure.Core's pipeline: Shared Key auth for a
/// connection string (Azurite, development), Entra ID tokens for the service URIs (the deployed app).
/// Registered by <see cref="StorageServiceCollectionExtensions.AddAttendanceStorage"/>; tests may construct it directly.
/// </summary>
public sealed class RestAttendanceStorage : IAttendanceStorage
{
    /// <summary>The Table service version this client speaks.</summary>
    internal const string TableVersion = "2019-02-02";

    /// <summary>The Blob service version this client speaks.</summary>
    internal const string BlobVersion = "2021-08-06";

    private const string TokenScope = "https://storage.azure.com/.default";

    private readonly StorageService tables;
    private readonly StorageService blobs;

    /// <summary>Builds both clients' pipelines from validated options and the extra policies (e.g. fault injection).</summary>
    /// <exception cref="OptionsValidationException">The options are incomplete or contradictory.</exception>
    public RestAttendanceStorage(StorageOptions options, IEnumerable<StoragePipelinePolicy>? extraPolicies = null)
        : this(options, extraPolicies, credential: null)
    {
    }

    /// <param name="options">The settings.</param>
    /// <param name="extraPolicies">Policies added to both pipelines.</param>
    /// <param name="credential">The token source of the service URI form; null means <see cref="DefaultAzureCredential"/>. Tests pass their own.</param>
    internal RestAttendanceStorage(StorageOptions options, IEnumerable<StoragePipelinePolicy>? extraPolicies, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new StorageOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), validation.Failures);
        }

        var extras = extraPolicies?.ToArray() ?? [];
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var account = StorageConnectionString.Parse(options.ConnectionString);
            tables = StorageService.Create(options, extras, new SharedKeyLitePolicy(account.Key, TimeProvider.System), account.TableEndpoint, TableVersion);
            blobs = StorageService.Create(options, extras, new SharedKeyPolicy(account.Key, TimeProvider.System), account.BlobEndpoint, BlobVersion);
        }
        else
        {
            // DefaultAzureCredential: the managed identity when deployed, the developer's az login locally.
            credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
            var auth = new BearerTokenAuthenticationPolicy(credential, TokenScope);
            tables = StorageService.Create(options, extras, auth, options.TableServiceUri!, TableVersion);
            blobs = StorageService.Create(options, extras, auth, options.BlobServiceUri!, BlobVersion);
        }
    }

    /// <summary>The Blob service, for tests that build a container client with a small page or block size.</summary>
    internal StorageService Blobs => blobs;

    public ITableClient GetTable(string tableName) => new RestTableClient(tables, tableName);

    public IBlobContainerClient GetContainer(string containerName) => new RestBlobContainerClient(blobs, containerName);

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await PingAsync(tables, "Tables?$top=1", cancellationToken);
        await PingAsync(blobs, "?comp=list&maxresults=1", cancellationToken);
    }

    private static async Task PingAsync(StorageService service, string relative, CancellationToken cancellationToken)
    {
        using var message = service.CreateMessage(RequestMethod.Get, relative);
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        StorageRetryPolicy.MarkNoRetry(message);
        await service.SendExpectingSuccessAsync(message, cancellationToken);
    }
}
