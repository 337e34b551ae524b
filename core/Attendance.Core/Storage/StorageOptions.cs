namespace Attendance.Storage;

/// <summary>
/// Where the product's tables and blobs live, bound from the <c>AttendanceStorage</c> settings. Give exactly one of:
/// <list type="bullet">
/// <item>a connection string as the value of <c>AttendanceStorage</c> itself (<c>UseDevelopmentStorage=true</c> for Azurite,
/// or <c>AccountName=..;AccountKey=..</c> with optional <c>DefaultEndpointsProtocol</c>, <c>EndpointSuffix</c>,
/// <c>BlobEndpoint</c>, <c>TableEndpoint</c>); or</item>
/// <item><c>AttendanceStorage__tableServiceUri</c> and <c>AttendanceStorage__blobServiceUri</c> (plus optional
/// <c>AttendanceStorage__clientId</c>) to use Entra ID tokens, as the deployed app must (shared keys are off there).</item>
/// </list>
/// The same name is a value and a section, like the Functions host's <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration key of the connection string and of the section with the other settings.</summary>
    public const string SectionName = "AttendanceStorage";

    /// <summary>
    /// The connection string a configuration gives: <c>AttendanceStorage__ConnectionString</c> if set, else the value
    /// of <c>AttendanceStorage</c> itself. The one reading of it, for the options and the CLI's local defaults alike.
    /// </summary>
    public static string? ConnectionStringOf(Microsoft.Extensions.Configuration.IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section[nameof(ConnectionString)] is { Length: > 0 } child ? child : section.Value;
    }

    /// <summary>A storage connection string (the value of <c>AttendanceStorage</c>). Default: none.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service URI for token auth, e.g. <c>https://account.table.core.windows.net</c>. Default: none.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The Blob service URI for token auth, e.g. <c>https://account.blob.core.windows.net</c>. Default: none.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>
    /// The client id of a user-assigned managed identity. Default: none, and then <c>DefaultAzureCredential</c> picks the
    /// system identity, or the developer's <c>az login</c> locally.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>How many times a failed attempt (a network error, 408, 429, 500, 502, 503, 504) is retried. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; it doubles each retry, with jitter. Default: 0.8 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest delay between retries. Default: 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the service before it counts as failed. Default: 100 s.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
