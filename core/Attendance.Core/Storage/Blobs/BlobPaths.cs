namespace Attendance.Storage.Blobs;

/// <summary>Blob addresses: each path segment percent-encoded, the <c>/</c> separators kept so virtual folders stay folders.</summary>
internal static class BlobPaths
{
    public static string Blob(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return Uri.EscapeDataString(container) + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }
}
