using System.Globalization;
using System.Text.RegularExpressions;

namespace Attendance.Storage.Tables;

/// <summary>
/// Reads the failed action out of a transaction's multipart response: the service answers 202 with one part
/// holding the failing status, and its message starts with the zero-based index of the action it blames
/// (<c>1:The specified entity already exists.</c>); the part's <c>Content-ID</c> is the fallback.
/// </summary>
internal static partial class TableBatchFailure
{
    /// <summary>Null when every part succeeded.</summary>
    public static TableTransactionFailedException? Find(string responseBody)
    {
        var status = StatusLine().Match(responseBody);
        while (status.Success && int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture) < 400)
        {
            status = status.NextMatch();
        }

        if (!status.Success)
        {
            return null;
        }

        var code = int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture);
        var part = responseBody[status.Index..];
        var json = JsonLine().Match(part);
        var (errorCode, message) = json.Success ? StorageErrors.ParseJson(json.Value) : (null, null);
        int? index = null;
        var prefix = message is null ? Match.Empty : IndexPrefix().Match(message);
        if (prefix.Success)
        {
            index = int.Parse(prefix.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (ContentId().Match(part) is { Success: true } id)
        {
            // The failing part echoes its Content-ID (numbered from 1) among the headers after its status line.
            index = int.Parse(id.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
        }

        return Failed(code, errorCode, index, message);
    }

    public static TableTransactionFailedException Failed(int status, string? errorCode, int? index, string? message) =>
        new(status, errorCode, index, $"The transaction failed with {status} {errorCode ?? "(no error code)"}"
            + (index is null ? string.Empty : $" at action {index}") + $": {message ?? "no message"}");

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^\{.*\}\s*$", RegexOptions.Multiline)]
    private static partial Regex JsonLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();

    [GeneratedRegex(@"Content-ID:\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentId();
}
