using System.Security.Cryptography;
using System.Text;

namespace Attendance.Storage.Auth;

/// <summary>An account name and its decoded key; signs strings for Shared Key authorization.</summary>
internal sealed class StorageSharedKey
{
    private readonly byte[] key;

    public StorageSharedKey(string accountName, byte[] key)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentNullException.ThrowIfNull(key);
        AccountName = accountName;
        this.key = key;
    }

    public string AccountName { get; }

    /// <summary>Base64 of HMAC-SHA256 over the UTF-8 string, keyed with the decoded account key.</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    // The key must never reach a log or an exception message through ToString.
    public override string ToString() => AccountName;
}
