namespace Attendance.Storage.Blobs;

/// <summary>Blob addresses: each path segment percent-encoded, the <c>/</c> separators kept so virtual folders stay folders.</summary>
internal static class BlobPaths
{
    public static string Blob(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var segments = blobName.Split('/');
        // System.Uri removes "." and ".." segments, so such a name would silently address another blob.
        if (segments.Any(s => s is "." or ".."))
        {
            throw new ArgumentException("A blob name cannot have '.' or '..' as a path segment.", nameof(blobName));
        }

        return Uri.EscapeDataString(container) + "/" + string.Join('/', segments.Select(Uri.EscapeDataString));
    }
}
