using Xunit;

namespace Attendance.Storage;

public sealed class StorageConnectionStringTests
{
    private const string Key = "a2V5LWJ5dGVzLWZvci10ZXN0cw==";

    [Fact]
    public void Development_storage_means_Azurite_on_its_default_ports_with_the_well_known_account()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.Key.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void An_account_string_derives_endpoints_from_protocol_account_and_suffix()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=perpusnas;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("perpusnas", parsed.Key.AccountName);
        Assert.Equal(new Uri("https://perpusnas.table.core.windows.net"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://perpusnas.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_names_are_case_insensitive()
    {
        var parsed = StorageConnectionString.Parse(
            $"accountname=devstoreaccount1; accountkey={Key}; BlobEndpoint=http://127.0.0.1:4000/devstoreaccount1; TABLEENDPOINT=http://127.0.0.1:4002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:4002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Defaults_are_https_and_the_public_cloud()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=a1;AccountKey={Key}");

        Assert.Equal(new Uri("https://a1.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Theory]
    [InlineData("AccountName=a1", "AccountKey is missing.")]
    [InlineData("AccountKey=" + Key, "AccountName is missing.")]
    [InlineData("AccountName=a1;AccountKey=not base64 at all!", "AccountKey is not valid base64.")]
    [InlineData("AccountName=a1;pasted-without-a-name", "segment 2 is not of the form Name=Value.")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage must be 'true' when present.")]
    [InlineData("AccountName=a1;AccountKey=" + Key + ";BlobEndpoint=not a uri", "BlobEndpoint is not an absolute http(s) URI.")]
    [InlineData("AccountName=a1;AccountName=a2", "'AccountName' is given twice.")]
    [InlineData("BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature connection strings are not supported; use AccountName and AccountKey, or the managed identity settings.")]
    public void Malformed_strings_are_refused_with_a_reason_that_never_echoes_a_value(string connectionString, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Equal(reason, ex.Message);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64 at all", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted", ex.Message, StringComparison.Ordinal);
    }
}
