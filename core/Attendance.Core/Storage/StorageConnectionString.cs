using Attendance.Storage.Auth;

namespace Attendance.Storage;

/// <summary>
/// A parsed storage connection string: the account key and the two endpoints the product uses.
/// Errors name the faulty setting but never repeat a value, because the value may be the key.
/// </summary>
internal sealed class StorageConnectionString
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    internal const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(StorageSharedKey key, Uri tableEndpoint, Uri blobEndpoint)
    {
        Key = key;
        TableEndpoint = tableEndpoint;
        BlobEndpoint = blobEndpoint;
    }

    public StorageSharedKey Key { get; }

    public Uri TableEndpoint { get; }

    public Uri BlobEndpoint { get; }

    /// <exception cref="FormatException">The string is not a usable connection string; the message says why without echoing it.</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"segment {i + 1} is not of the form Name=Value.");
            }

            var name = segments[i][..equals].Trim();
            if (!settings.TryAdd(name, segments[i][(equals + 1)..].Trim()))
            {
                throw new FormatException($"'{name}' is given twice.");
            }
        }

        if (settings.Count == 0)
        {
            throw new FormatException("it is empty.");
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            if (settings.Count > 1)
            {
                throw new FormatException("UseDevelopmentStorage=true takes no other settings; write the Azurite endpoints out in full instead.");
            }

            return new StorageConnectionString(
                new StorageSharedKey(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey)),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SharedAccessSignature connection strings are not supported; use AccountName and AccountKey, or the managed identity settings.");
        }

        var account = Required(settings, "AccountName");
        var key = DecodeKey(Required(settings, "AccountKey"));
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be https or http.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageConnectionString(
            new StorageSharedKey(account, key),
            Endpoint(settings, "TableEndpoint", $"{protocol}://{account}.table.{suffix}"),
            Endpoint(settings, "BlobEndpoint", $"{protocol}://{account}.blob.{suffix}"));
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"{name} is missing.");

    private static byte[] DecodeKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0
            ? buffer[..written]
            : throw new FormatException("AccountKey is not valid base64.");
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string name, string fallback)
    {
        var text = settings.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{name} is not an absolute http(s) URI.");
    }
}
