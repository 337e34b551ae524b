using System.IO.Compression;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Attendance.Integration.Tests.Api;

/// <summary>How bodies are decoded: encodings, charsets, BOMs, invalid UTF-8, slow clients, and every error at once.</summary>
public sealed class RequestBodyTests(AzuriteFixture azurite)
{
    private const string Valid = """{"eventId":"bimtek-spptik-lampung-2023","sessionDate":"2023-06-05","fullName":"Siti","province":"Lampung","regency":"Pesawaran"}""";

    private const string ValidForm = "eventId=bimtek-spptik-lampung-2023&sessionDate=2023-06-05&fullName=Siti&province=Lampung&regency=Pesawaran";

    public static TheoryData<string, string, string?, byte[], int> Cases => new()
    {
        // what, content type, content encoding, body, status
        { "a quoted charset", "application/json; charset=\"UTF-8\"", null, Encoding.UTF8.GetBytes(Valid), 201 },
        { "charset utf8", "application/json; charset=utf8", null, Encoding.UTF8.GetBytes(Valid), 201 },
        { "a UTF-8 BOM before JSON", "application/json", null, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)], 201 },
        { "a UTF-8 BOM before a form", "application/x-www-form-urlencoded; charset=UTF-8", null, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidForm)], 201 },
        { "a gzip body", "application/json", "gzip", Compress(Valid, s => new GZipStream(s, CompressionLevel.Fastest)), 201 },
        { "a deflate body", "application/json", "deflate", Compress(Valid, s => new ZLibStream(s, CompressionLevel.Fastest)), 201 },
        { "a br body", "application/x-www-form-urlencoded", "br", Compress(ValidForm, s => new BrotliStream(s, CompressionLevel.Fastest)), 201 },
        { "an identity encoding", "application/json", "identity", Encoding.UTF8.GetBytes(Valid), 201 },
        { "a form with a raw byte that is not UTF-8", "application/x-www-form-urlencoded", null, [.. Encoding.UTF8.GetBytes(ValidForm.Replace("Siti", "Sit", StringComparison.Ordinal)), 0xFF], 400 },
        { "a form with a percent-escape that is not UTF-8", "application/x-www-form-urlencoded", null, Encoding.UTF8.GetBytes(ValidForm.Replace("Siti", "Sit%E9", StringComparison.Ordinal)), 400 },
        { "a form in Latin-1", "application/x-www-form-urlencoded; charset=iso-8859-1", null, Encoding.Latin1.GetBytes(ValidForm), 415 },
        { "an unknown encoding", "application/json", "compress", Encoding.UTF8.GetBytes(Valid), 415 },
        { "two encodings", "application/json", "gzip, br", Compress(Valid, s => new GZipStream(s, CompressionLevel.Fastest)), 415 },
        { "gzip that is not gzip", "application/json", "gzip", Encoding.UTF8.GetBytes(Valid), 400 },
        { "br that is not br", "application/json", "br", Encoding.UTF8.GetBytes(Valid), 400 },
        { "a gzip bomb over 1 MiB decoded", "application/json", "gzip", Compress("[" + new string(' ', 4 * 1024 * 1024) + "]", s => new GZipStream(s, CompressionLevel.SmallestSize)), 413 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bodies_are_decoded_under_the_limits(string what, string contentType, string? contentEncoding, byte[] body, int status)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (contentEncoding is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", contentEncoding);
        }

        using var response = await api.Client.PostAsync("submissions", content, Ct);

        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var stored = await api.Services.GetRequiredService<SubmissionStore>().ReadAsync(Lampung.EventId, 0, 1, Ct).Select(r => r.Live!).ToListAsync(Ct);
        Assert.Equal(status == 201 ? 1 : 0, stored.Count);
        if (status == 201)
        {
            Assert.Equal("Siti", stored[0].Submission.FullName);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task One_400_names_every_invalid_field_at_once()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        await api.RegisterEventAsync("bimtek-padang-2022", new { name = "Bimtek Padang", startDate = "2022-05-10", endDate = "2022-05-14" });
        using var response = await api.Client.PostAsJsonAsync("submissions", new
        {
            eventId = "bimtek-padang-2022", sessionDate = "2022-05-20", fullName = "Rina", province = "Sumatera Barat", regency = "Solok", email = "rina@",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["email", "regency", "sessionDate"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_client_too_slow_to_send_its_body_gets_408_not_503()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: services =>
            services.Configure<KestrelServerOptions>(o => o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(2))));

        // A phone on hotel Wi-Fi that sends the headers and a few bytes, then stalls.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(api.Client.BaseAddress!.Host, api.Client.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var head = $"POST /api/submissions HTTP/1.1\r\nHost: localhost\r\nx-functions-key: {ApiServer.FunctionKey}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"eventId\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);

        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var statusLine = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("HTTP/1.1 408", statusLine, StringComparison.Ordinal);
    }

    private static byte[] Compress(string text, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
