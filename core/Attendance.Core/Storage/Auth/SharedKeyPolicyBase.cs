using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Attendance.Storage.Auth;

/// <summary>
/// Signs each attempt of a request with a fresh <c>x-ms-date</c>. It runs as a per-retry policy: a retry
/// signed with the first attempt's date would be refused once the service's 15-minute clock window passed.
/// </summary>
internal abstract class SharedKeyPolicyBase : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider timeProvider;

    protected SharedKeyPolicyBase(StorageSharedKey key, TimeProvider timeProvider)
    {
        Key = key;
        this.timeProvider = timeProvider;
    }

    protected StorageSharedKey Key { get; }

    /// <summary>The scheme in the Authorization header (<c>SharedKey</c> or <c>SharedKeyLite</c>).</summary>
    protected abstract string Scheme { get; }

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = Key.Sign(StringToSign(message.Request));
        message.Request.Headers.SetValue("Authorization", $"{Scheme} {Key.AccountName}:{signature}");
    }

    /// <summary>The string the signature covers; the request already carries its <c>x-ms-date</c>.</summary>
    internal abstract string StringToSign(Request request);

    /// <summary>
    /// <c>/account</c> followed by the path exactly as sent (still percent-encoded). With path-style URLs
    /// (Azurite, <c>http://127.0.0.1:10002/devstoreaccount1/table</c>) the account therefore appears twice.
    /// </summary>
    protected string CanonicalizedPath(Request request) => "/" + Key.AccountName + request.Uri.ToUri().AbsolutePath;

    protected static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
