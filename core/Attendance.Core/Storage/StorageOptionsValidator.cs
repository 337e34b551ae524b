using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Attendance.Storage;

/// <summary>Checks at start that storage is configured one way, completely and sanely; messages name the settings to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Name = StorageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUris = options.TableServiceUri is not null || options.BlobServiceUri is not null;
        if (!hasConnectionString && !hasUris)
        {
            failures.Add($"Storage is not configured: set '{Name}' to a connection string (UseDevelopmentStorage=true for Azurite), "
                + $"or set '{Name}__tableServiceUri' and '{Name}__blobServiceUri' to use a managed identity.");
        }
        else if (hasConnectionString && hasUris)
        {
            failures.Add($"Storage is configured twice: '{Name}' holds a connection string and '{Name}__tableServiceUri'/'{Name}__blobServiceUri' are set too; keep one.");
        }
        else if (hasConnectionString)
        {
            CheckConnectionString(options.ConnectionString!, failures);
        }
        else
        {
            CheckUri(options.TableServiceUri, "tableServiceUri", failures);
            CheckUri(options.BlobServiceUri, "blobServiceUri", failures);
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"'{Name}__maxRetries' must be between 0 and 20.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"'{Name}__retryDelay' must be positive and at most '{Name}__maxRetryDelay'.");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"'{Name}__networkTimeout' must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Lets both SDKs parse the connection string, as the clients will. Their messages quote the input, account key
    /// included, so only the fact of the failure is reported, never the message.
    /// </summary>
    private static void CheckConnectionString(string connectionString, List<string> failures)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            _ = new BlobServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            failures.Add($"'{Name}' is not a valid storage connection string: use UseDevelopmentStorage=true for Azurite, "
                + "or DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net.");
        }
    }

    private static void CheckUri(Uri? uri, string setting, List<string> failures)
    {
        if (uri is null)
        {
            failures.Add($"'{Name}__{setting}' is missing: the managed identity form needs both tableServiceUri and blobServiceUri.");
        }
        else if (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"'{Name}__{setting}' must be an absolute https URI.");
        }
    }
}
