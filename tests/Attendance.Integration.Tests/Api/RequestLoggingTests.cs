using System.Net.Http.Headers;
using Attendance.Integration.Tests.FormTools;
using Microsoft.Extensions.Logging;

namespace Attendance.Integration.Tests.Api;

/// <summary>No key or token reaches any log, at any level, from the product or from ASP.NET Core.</summary>
public sealed class RequestLoggingTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Logging opened up as someone chasing a bad request would: for every provider, or for one provider only
    /// (<c>Logging:Console:LogLevel:Default</c>), whose rules .NET prefers over every rule for all providers.
    /// </summary>
    [Theory]
    [InlineData("Logging")]
    [InlineData("Logging:Attendance.Testing.CapturedLogs")]
    public async Task Keys_tokens_and_credentials_never_reach_the_logs_while_every_request_is_logged(string section)
    {
        var logs = new CapturedLogs();
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During),
            services => services.AddLogging(l => l.AddProvider(logs)),
            new Dictionary<string, string?>
            {
                [$"{section}:LogLevel:Default"] = "Trace",
                // The product's rules for these categories still win.
                [$"{section}:LogLevel:Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = "Trace",
                [$"{section}:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            });
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);

        using var byQuery = await api.Anonymous.GetAsync($"events/{Lampung.EventId}?code={ApiServer.FunctionKey}", Ct);
        using var byHeader = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Ani Lestari"), Ct);
        using var wrongKey = await api.Anonymous.GetAsync($"events/{Lampung.EventId}?code=wrong-key-but-still-secret-0001", Ct);
        using var form = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/form?token={token}", Ct);
        using var formPost = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token={token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fullName"] = "Budi Santoso", ["province"] = "Lampung", ["regency"] = "Kab. Pesawaran", ["formToken"] = token,
        }), Ct);
        using var odk = await api.Anonymous.SendAsync(OdkCollect.Head(ApiServer.FunctionKey), Ct);

        // Requests Kestrel itself refuses with 400 before any route runs: its BadRequests lines quote the target.
        var malformed = new[]
        {
            $"GET /api/exports%00?code={ApiServer.AdminKey} HTTP/1.1",
            $"GET /api/events/{Lampung.EventId}/form%00?token={token} HTTP/1.1",
            $"G@T /api/exports?code={ApiServer.AdminKey} HTTP/1.1",
            $"GET /api/events/{Lampung.EventId}?code={ApiServer.FunctionKey} HTTP/1.7",
            $"GET /api/events/{Lampung.EventId}/form?token={token} x HTTP/1.1",
            $"GET /api/health HTTP/1.1\r\nx-functions-key {ApiServer.AdminKey}",
        };
        foreach (var requestLine in malformed)
        {
            // 400, or 505 for the unknown HTTP version.
            var status = await RawStatusAsync(api.Anonymous.BaseAddress!, requestLine);
            Assert.True(status is 400 or 505, $"{requestLine}: {status}");
        }

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Created, formPost.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, odk.StatusCode);

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("enumerator:" + ApiServer.FunctionKey));
        var secrets = new[] { ApiServer.FunctionKey, ApiServer.AdminKey, token, "wrong-key-but-still-secret-0001", basic, Uri.EscapeDataString(token) };
        var leaks = logs.Entries
            .Where(e => secrets.Any(s => e.Message.Contains(s, StringComparison.Ordinal) || e.State.Contains(s, StringComparison.Ordinal)))
            .Select(e => $"{e.Category} {e.Level}: {e.Message}")
            .ToList();
        Assert.Empty(leaks);

        // The product's own request line, one per handled request, with route and status.
        var answered = logs.Entries.Where(e => e.EventId == 1004).Select(e => e.Message).ToList();
        Assert.Contains(answered, m => m.StartsWith("PostSubmissions answered 201", StringComparison.Ordinal));
        Assert.Contains(answered, m => m.StartsWith("GetForm answered 200", StringComparison.Ordinal));
        Assert.Contains(answered, m => m.StartsWith("HeadOpenRosaSubmission answered 204", StringComparison.Ordinal));
        Assert.True(logs.Entries.Count > answered.Count, "the capture must see ASP.NET Core's own lines too, or the test proves nothing about them.");
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
    }

    /// <summary>Sends <paramref name="requestHead"/> as written (HttpClient would refuse or repair it) and returns the status Kestrel answers.</summary>
    private static async Task<int> RawStatusAsync(Uri server, string requestHead)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, Ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{requestHead}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"), Ct);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var statusLine = await reader.ReadLineAsync(Ct) ?? string.Empty;
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
