using System.Net.Http.Headers;
using Attendance.Api;
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
                // Above the local server's default (Warning), so ASP.NET Core's routing lines are written and checked too.
                [$"{section}:LogLevel:Microsoft.AspNetCore"] = "Trace",
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

    /// <summary>
    /// A participant's name, email, phone and the event's form token, sent through every route of the table (the venue
    /// form, OpenRosa, corrections, erasure), with bad input and with storage down, reach no log line at any level in
    /// any category, Azure SDK diagnostics included: not the message, not the exception, not a state or scope value.
    /// </summary>
    [Fact]
    public async Task No_participants_name_email_phone_or_form_token_reaches_any_log_through_any_route()
    {
        const string Name = "Zulkarnaen Wiradikusumah";
        const string Email = "zulkarnaen.wiradikusumah@perpusdes-contoh.id";
        const string Phone = "081299887766";
        var logs = new CapturedLogs();
        var faults = new FaultInjectionPolicy();
        // Rules for the capture itself win over the product's rules for all providers (Azure at Warning, Azure.Core at
        // Error), so the SDK's per-request diagnostics are captured too, as an operator chasing a fault could open them.
        const string Section = "Logging:Attendance.Testing.CapturedLogs:LogLevel";
        var everything = new Dictionary<string, string?> { [$"{Section}:Default"] = "Trace" };
        foreach (var category in new[] { "Azure", "Azure.Core", "Azure.Data.Tables", "Azure.Storage.Blobs", "Azure.Identity", "Microsoft", "System" })
        {
            everything[$"{Section}:{category}"] = "Trace";
        }

        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During),
            services => services.AddLogging(l => l.AddProvider(logs)).AddStoragePipelinePolicy(faults), everything);
        var token = await api.RegisterEventAsync(Lampung.EventId, Lampung.Registration);
        var form = $"events/{Lampung.EventId}/form?token={Uri.EscapeDataString(token)}";
        var person = new Dictionary<string, string>
        {
            ["fullName"] = Name, ["email"] = Email, ["phone"] = Phone, ["province"] = "Lampung", ["regency"] = "Kab. Pesawaran",
            ["institution"] = "Perpustakaan Desa Wiradikusumah",
        };
        var seen = new List<(string Route, HttpStatusCode Status)>();

        async Task Send(string route, HttpMethod method, string path, HttpContent? content = null, string? key = null, bool html = false)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            if (html)
            {
                request.Headers.Accept.ParseAdd("text/html");
            }

            using var response = await api.Anonymous.SendAsync(request, Ct);
            seen.Add((route, response.StatusCode));
        }

        Dictionary<string, string> On(string day, Dictionary<string, string>? changed = null)
        {
            var fields = new Dictionary<string, string>(changed ?? person) { ["eventId"] = Lampung.EventId, ["sessionDate"] = day };
            return fields;
        }

        async Task<string> SubmitAsync(string day)
        {
            using var response = await api.Client.PostAsJsonAsync("submissions", On(day), Ct);
            seen.Add((ApiRoutes.PostSubmissions.Name, response.StatusCode));
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString()!;
        }

        // Every route once as it should go, with the person's data wherever the route takes any.
        var attendance = $"events/{Lampung.EventId}/attendance";
        await Send(ApiRoutes.Health.Name, HttpMethod.Get, "health");
        await Send(ApiRoutes.OpenApi.Name, HttpMethod.Get, "openapi.json");
        await Send(ApiRoutes.PutEvent.Name, HttpMethod.Put, $"events/{Lampung.EventId}", JsonContent.Create(Lampung.Registration), ApiServer.AdminKey);
        await Send(ApiRoutes.GetEvent.Name, HttpMethod.Get, $"events/{Lampung.EventId}", key: ApiServer.FunctionKey);
        var first = await SubmitAsync("2023-06-05");
        await Send(ApiRoutes.GetForm.Name, HttpMethod.Get, form, html: true);
        await Send(ApiRoutes.PostForm.Name, HttpMethod.Post, form, new FormUrlEncodedContent(person), html: true);
        await Send(ApiRoutes.GetPrivacy.Name, HttpMethod.Get, $"events/{Lampung.EventId}/privacy?token={Uri.EscapeDataString(token)}", html: true);
        await Send(ApiRoutes.PostExports.Name, HttpMethod.Post, "exports", key: ApiServer.AdminKey);
        await Send(ApiRoutes.GetEventQr.Name, HttpMethod.Get, $"events/{Lampung.EventId}/qr", key: ApiServer.FunctionKey);
        foreach (var format in new[] { "", "?format=csv", "?format=html", "?date=2023-06-05" })
        {
            await Send(ApiRoutes.GetAttendance.Name, HttpMethod.Get, attendance + format, key: ApiServer.FunctionKey);
        }

        using (var head = OdkCollect.Head(ApiServer.FunctionKey))
        using (var odk = OdkCollect.Post(OdkCollect.Instance("uuid:0c2a8e3f-7b1d-4c5e-9a6f-1e2d3c4b5a69", Name, day: "2023-06-07",
            extra: $"<email>{Email}</email>"), ApiServer.FunctionKey))
        {
            using var headAnswer = await api.Anonymous.SendAsync(head, Ct);
            using var odkAnswer = await api.Anonymous.SendAsync(odk, Ct);
            seen.Add((ApiRoutes.HeadOpenRosaSubmission.Name, headAnswer.StatusCode));
            seen.Add((ApiRoutes.PostOpenRosaSubmission.Name, odkAnswer.StatusCode));
        }

        var second = await SubmitAsync("2023-06-08");
        await Send(ApiRoutes.PatchAttendance.Name, HttpMethod.Patch, $"{attendance}/{Uri.EscapeDataString(first)}",
            JsonContent.Create(new { fullName = Name + " Putra", email = "putra." + Email, phone = Phone, reason = "Ejaan nama" }), ApiServer.AdminKey);
        await Send(ApiRoutes.DeleteAttendance.Name, HttpMethod.Delete, $"{attendance}/{Uri.EscapeDataString(second)}?reason=Entri%20uji", key: ApiServer.AdminKey);
        await Send(ApiRoutes.GetChanges.Name, HttpMethod.Get, $"events/{Lampung.EventId}/changes", key: ApiServer.AdminKey);
        await Send(ApiRoutes.PostErasure.Name, HttpMethod.Post, "participants/erasure", JsonContent.Create(new { email = Email, reason = "Permintaan peserta", preview = true }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostErasure.Name, HttpMethod.Post, "participants/erasure",
            JsonContent.Create(new { fullName = Name, province = "Lampung", regency = "Kab. Pesawaran", reason = "Permintaan peserta", preview = true }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostLookup.Name, HttpMethod.Post, "participants/lookup", JsonContent.Create(new { email = Email, phone = Phone }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostLookup.Name, HttpMethod.Post, "participants/lookup", JsonContent.Create(new { fullName = Name, regency = "18.09" }), ApiServer.AdminKey);

        // Bad input that holds the person's data: a refused field, a body that is not JSON, a wrong token.
        var bad = On("2023-06-05", new Dictionary<string, string>(person) { ["email"] = Email + "@", ["phone"] = Phone + "x" });
        using (var refused = await api.Client.PostAsJsonAsync("submissions", bad, Ct))
        {
            seen.Add((ApiRoutes.PostSubmissions.Name, refused.StatusCode));
        }

        await Send(ApiRoutes.PostSubmissions.Name, HttpMethod.Post, "submissions",
            new StringContent($"{{\"fullName\": \"{Name}\", \"email\": \"{Email}\", \"phone\": {Phone}", Encoding.UTF8, "application/json"), ApiServer.FunctionKey);
        await Send(ApiRoutes.PostForm.Name, HttpMethod.Post, form, new FormUrlEncodedContent(bad), html: true);
        await Send(ApiRoutes.PostForm.Name, HttpMethod.Post, $"events/{Lampung.EventId}/form?token={token}x", new FormUrlEncodedContent(person), html: true);
        await Send(ApiRoutes.PatchAttendance.Name, HttpMethod.Patch, $"{attendance}/{Uri.EscapeDataString(first)}",
            JsonContent.Create(new { email = "not-an-email " + Email, reason = "Salah ketik" }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostErasure.Name, HttpMethod.Post, "participants/erasure", JsonContent.Create(new { fullName = Name, reason = "x", preview = false }), ApiServer.AdminKey);

        // Storage down: every route that reads or writes it fails, with the person's data in the request.
        faults.FailEveryRequest = true;
        await SubmitOrFailAsync();
        await Send(ApiRoutes.PostForm.Name, HttpMethod.Post, form, new FormUrlEncodedContent(person), html: true);
        await Send(ApiRoutes.GetPrivacy.Name, HttpMethod.Get, $"events/{Lampung.EventId}/privacy?token={Uri.EscapeDataString(token)}", html: true);
        await Send(ApiRoutes.PatchAttendance.Name, HttpMethod.Patch, $"{attendance}/{Uri.EscapeDataString(first)}",
            JsonContent.Create(new { email = Email, reason = "Perbaikan" }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostErasure.Name, HttpMethod.Post, "participants/erasure", JsonContent.Create(new { email = Email, phone = Phone, reason = "Permintaan", preview = false }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostLookup.Name, HttpMethod.Post, "participants/lookup", JsonContent.Create(new { email = Email }), ApiServer.AdminKey);
        await Send(ApiRoutes.GetAttendance.Name, HttpMethod.Get, attendance, key: ApiServer.FunctionKey);
        using (var odk = OdkCollect.Post(OdkCollect.Instance("uuid:5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", Name, extra: $"<email>{Email}</email>"), ApiServer.FunctionKey))
        using (var odkAnswer = await api.Anonymous.SendAsync(odk, Ct))
        {
            seen.Add((ApiRoutes.PostOpenRosaSubmission.Name, odkAnswer.StatusCode));
        }

        faults.FailEveryRequest = false;

        // Erasure for real, then a new link: the old token must not surface in any line either.
        await Send(ApiRoutes.PostErasure.Name, HttpMethod.Post, "participants/erasure", JsonContent.Create(new { email = Email, reason = "Permintaan peserta", preview = false }), ApiServer.AdminKey);
        await Send(ApiRoutes.PostFormToken.Name, HttpMethod.Post, $"events/{Lampung.EventId}/form-token", key: ApiServer.AdminKey);

        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(StringComparer.Ordinal), seen.Select(s => s.Route).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostForm.Name && s.Status == HttpStatusCode.Created);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostOpenRosaSubmission.Name && s.Status == HttpStatusCode.Created);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PatchAttendance.Name && s.Status == HttpStatusCode.OK);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostSubmissions.Name && s.Status == HttpStatusCode.BadRequest);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostErasure.Name && s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostLookup.Name && s.Status == HttpStatusCode.OK);
        Assert.Contains(seen, s => s.Route == ApiRoutes.PostForm.Name && s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(faults.Fired, "storage was never down, so the failing half proves nothing");

        // The phone as typed and as stored (+62…, 62…); the email in any case; the name in parts; the token as sent.
        var personal = new[] { Name, "Zulkarnaen", "Wiradikusumah", Email, "wiradikusumah@", Phone, Phone[1..], token, Uri.EscapeDataString(token) };
        var leaks = logs.Entries
            .Where(e => personal.Any(p => e.Message.Contains(p, StringComparison.OrdinalIgnoreCase)
                || e.State.Contains(p, StringComparison.OrdinalIgnoreCase) || e.Scopes.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Category} {e.Level} {e.EventId}: {e.Message} [{e.State}] [{e.Scopes}]")
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));

        // The capture saw the SDK's own request lines and the failures, or the test proves nothing about them.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Azure.Core", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Attendance", StringComparison.Ordinal));

        async Task SubmitOrFailAsync()
        {
            using var response = await api.Client.PostAsJsonAsync("submissions", On("2023-06-06"), Ct);
            seen.Add((ApiRoutes.PostSubmissions.Name, response.StatusCode));
        }
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
