using Attendance.Storage.Auth;
using Azure.Core;
using Azure.Core.Pipeline;
using Xunit;

namespace Attendance.Storage;

/// <summary>
/// Expected signatures were computed outside .NET, with the strings written out by hand:
/// <code>
/// KEY=$(echo 'Eby8vdM0...GMGw==' | base64 -d | xxd -p -c 256)
/// printf 'Sat, 21 Nov 2026 08:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables' \
///   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | base64
/// </code>
/// (and likewise for the other strings below; in printf a literal % is written %%).
/// </summary>
public sealed class SharedKeySigningTests
{
    private const string Date = "Sat, 21 Nov 2026 08:00:00 GMT";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly StorageSharedKey Key = new(
        StorageConnectionString.DevelopmentAccountName, Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey));

    [Fact]
    public void SharedKeyLite_signs_the_date_and_the_path_with_the_account_twice_for_path_style_urls()
    {
        var message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables");
        var policy = new SharedKeyLitePolicy(Key, new FixedTimeProvider(Now));

        policy.OnSendingRequest(message);

        Assert.Equal(Date + "\n/devstoreaccount1/devstoreaccount1/Tables", policy.StringToSign(message.Request));
        Assert.Equal(Date, Header(message, "x-ms-date"));
        Assert.Equal("SharedKeyLite devstoreaccount1:BWb3aq250xGJ5whyQOfryqaNvz/VwstNLwcMQibEndU=", Header(message, "Authorization"));
    }

    [Fact]
    public void SharedKeyLite_keeps_only_the_comp_parameter_of_the_query()
    {
        var message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/?restype=service&comp=properties");
        var policy = new SharedKeyLitePolicy(Key, new FixedTimeProvider(Now));

        policy.OnSendingRequest(message);

        Assert.Equal(Date + "\n/devstoreaccount1/devstoreaccount1/?comp=properties", policy.StringToSign(message.Request));
        Assert.Equal("SharedKeyLite devstoreaccount1:mfnJtAod9DDz4AlEbnnrShq8gvq07azgo9yhSLPjutA=", Header(message, "Authorization"));
    }

    [Fact]
    public void SharedKey_signs_verb_headers_sorted_x_ms_headers_and_decoded_sorted_query()
    {
        var message = Message(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/exports/a%20b.parquet?comp=block&blockid=MDAwMDAwMDA%3D");
        message.Request.Headers.SetValue("x-ms-version", "2021-08-06");
        message.Request.Headers.SetValue("Content-Type", "application/octet-stream");
        message.Request.Headers.SetValue("If-None-Match", "*");
        message.Request.Content = RequestContent.Create("12345"u8.ToArray());
        var policy = new SharedKeyPolicy(Key, new FixedTimeProvider(Now));

        policy.OnSendingRequest(message);

        Assert.Equal(
            "PUT\n\n\n5\n\napplication/octet-stream\n\n\n\n*\n\n\n"
            + "x-ms-date:" + Date + "\nx-ms-version:2021-08-06\n"
            + "/devstoreaccount1/devstoreaccount1/exports/a%20b.parquet\nblockid:MDAwMDAwMDA=\ncomp:block",
            policy.StringToSign(message.Request));
        Assert.Equal("SharedKey devstoreaccount1:fNSt+KNF6Qo5cTvNoE0OBqRjQm3EVmG8GTMZ0fk60to=", Header(message, "Authorization"));
    }

    [Fact]
    public void Each_attempt_is_signed_with_the_time_it_is_sent()
    {
        var time = new FixedTimeProvider(Now);
        var message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables");
        var policy = new SharedKeyLitePolicy(Key, time);

        policy.OnSendingRequest(message);
        var first = Header(message, "Authorization");
        time.Now = Now.AddSeconds(5);
        policy.OnSendingRequest(message);

        Assert.Equal("Sat, 21 Nov 2026 08:00:05 GMT", Header(message, "x-ms-date"));
        Assert.NotEqual(first, Header(message, "Authorization"));
    }

    [Fact]
    public void The_key_never_appears_in_the_key_objects_text()
    {
        Assert.Equal("devstoreaccount1", Key.ToString());
    }

    private static HttpMessage Message(RequestMethod method, string uri)
    {
        var request = HttpClientTransport.Shared.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        return new HttpMessage(request, new ResponseClassifier());
    }

    private static string? Header(HttpMessage message, string name) =>
        message.Request.Headers.TryGetValue(name, out var value) ? value : null;
}
