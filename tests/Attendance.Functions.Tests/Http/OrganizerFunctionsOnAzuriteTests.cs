using System.Globalization;
using System.Text;
using Attendance.Functions.Http;

namespace Attendance.Functions.Tests.Http;

/// <summary>
/// The venue page and the organizer's desk through the function classes, as the worker runs them
/// (<see cref="WorkerInvocation"/>), on a real Azurite.
/// </summary>
public sealed class OrganizerFunctionsOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Host = TestSettings.AppHostName;

    [Fact]
    public async Task The_organizer_gets_an_absolute_link_its_qr_code_a_rotated_link_and_the_days_csv_through_the_functions()
    {
        await using var provider = BuildServices(azurite.ConnectionString, burst: 600);
        var (eventId, today) = Event();
        var put = await WorkerInvocation.InvokeAsync(provider, "PUT", $"/api/events/{eventId}", a => a.Create<EventsFunctions>().Put(a.Request, eventId, Ct), body: Registration(today));
        var formUrl = put.Json.GetProperty("formUrl").GetString()!;
        Assert.StartsWith($"https://{Host}/api/events/{eventId}/form?token=", formUrl, StringComparison.Ordinal);

        var qr = await WorkerInvocation.InvokeAsync(provider, "GET", $"/api/events/{eventId}/qr", a => a.Create<EventLinkFunctions>().GetQr(a.Request, eventId, Ct));
        Assert.Equal(StatusCodes.Status200OK, qr.Status);
        Assert.Equal("image/png", qr.Headers.ContentType.ToString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], qr.Body[..4]);

        var rotated = await WorkerInvocation.InvokeAsync(provider, "POST", $"/api/events/{eventId}/form-token",
            a => a.Create<EventLinkFunctions>().RotateFormToken(a.Request, eventId, Ct));
        var newUrl = rotated.Json.GetProperty("formUrl").GetString()!;
        Assert.NotEqual(formUrl, newUrl);
        var oldPage = await WorkerInvocation.InvokeAsync(provider, "GET", formUrl, a => a.Create<FormsFunctions>().Get(a.Request, eventId, Ct));
        var newPage = await WorkerInvocation.InvokeAsync(provider, "GET", newUrl, a => a.Create<FormsFunctions>().Get(a.Request, eventId, Ct));
        Assert.Equal(StatusCodes.Status401Unauthorized, oldPage.Status);
        Assert.Equal(StatusCodes.Status200OK, newPage.Status);
        Assert.Contains("frame-ancestors 'none'", newPage.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", newPage.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", newPage.Headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", newPage.Headers.CacheControl.ToString());

        var form = $"fullName={Uri.EscapeDataString("Ni Luh Putu Ayu Dewi")}&province=Lampung&regency={Uri.EscapeDataString("Kabupaten Pesawaran")}";
        var signedIn = await WorkerInvocation.InvokeAsync(provider, "POST", newUrl, a => a.Create<FormsFunctions>().Post(a.Request, eventId, Ct), body: form);
        Assert.Equal(StatusCodes.Status201Created, signedIn.Status);

        var csv = await WorkerInvocation.InvokeAsync(provider, "GET", $"/api/events/{eventId}/attendance?date={today:yyyy-MM-dd}&format=csv",
            a => a.Create<AttendanceFunction>().Get(a.Request, eventId, Ct));
        Assert.Equal(StatusCodes.Status200OK, csv.Status);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Body[..3]);
        Assert.Contains("Ni Luh Putu Ayu Dewi", Encoding.UTF8.GetString(csv.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_rate_limited_per_link_and_forwarded_client_address_in_the_functions_app()
    {
        var logs = new CapturedLogs();
        await using var provider = BuildServices(azurite.ConnectionString, burst: 5, logs);
        var (eventId, today) = Event();
        var put = await WorkerInvocation.InvokeAsync(provider, "PUT", $"/api/events/{eventId}", a => a.Create<EventsFunctions>().Put(a.Request, eventId, Ct), body: Registration(today));
        var formUrl = put.Json.GetProperty("formUrl").GetString()!;

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await WorkerInvocation.InvokeAsync(provider, "GET", formUrl, a => a.Create<FormsFunctions>().Get(a.Request, eventId, Ct), forwardedFor: "203.0.113.7")).Status);
        }

        var limited = await WorkerInvocation.InvokeAsync(provider, "GET", formUrl, a => a.Create<FormsFunctions>().Get(a.Request, eventId, Ct), forwardedFor: "203.0.113.7");
        var otherHotel = await WorkerInvocation.InvokeAsync(provider, "GET", formUrl, a => a.Create<FormsFunctions>().Get(a.Request, eventId, Ct), forwardedFor: "198.51.100.20");

        Assert.Equal([200, 200, 200, 200, 200, 429], statuses);
        Assert.Equal(StatusCodes.Status429TooManyRequests, limited.Status);
        Assert.InRange(int.Parse(limited.Headers.RetryAfter.ToString(), CultureInfo.InvariantCulture), 1, int.MaxValue);
        Assert.Equal("no-store", limited.Headers.CacheControl.ToString());
        Assert.Equal(StatusCodes.Status200OK, otherHotel.Status);
        // Two refusals, one warning; it names the event, never the link's token or the address.
        var warning = Assert.Single(logs.Entries, e => e.EventId == 1201);
        Assert.Contains(eventId, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(formUrl[(formUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..], warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "https://" + Host)]
    [InlineData("https://hadir.perpusnas.example/", "https://hadir.perpusnas.example")]
    public async Task A_forged_Host_header_never_reaches_the_link_or_its_qr_code_in_the_functions_app(string? publicBaseUrl, string expected)
    {
        await using var provider = BuildServices(azurite.ConnectionString, burst: 600, publicBaseUrl: publicBaseUrl);
        var (eventId, today) = Event();
        const string forged = "hadir-perpusnas.attacker.example";

        var put = await WorkerInvocation.InvokeAsync(provider, "PUT", $"/api/events/{eventId}",
            a => a.Create<EventsFunctions>().Put(a.Request, eventId, Ct), body: Registration(today), host: forged);
        var rotated = await WorkerInvocation.InvokeAsync(provider, "POST", $"/api/events/{eventId}/form-token",
            a => a.Create<EventLinkFunctions>().RotateFormToken(a.Request, eventId, Ct), host: forged);
        var qr = await WorkerInvocation.InvokeAsync(provider, "GET", $"/api/events/{eventId}/qr",
            a => a.Create<EventLinkFunctions>().GetQr(a.Request, eventId, Ct), host: forged);

        Assert.StartsWith($"{expected}/api/events/{eventId}/form?token=", put.Json.GetProperty("formUrl").GetString(), StringComparison.Ordinal);
        var formUrl = rotated.Json.GetProperty("formUrl").GetString()!;
        Assert.StartsWith($"{expected}/api/events/{eventId}/form?token=", formUrl, StringComparison.Ordinal);
        var png = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, qr.Body, Ct);
        try
        {
            // Read back by an independent decoder: the printed code holds the configured or platform link.
            var read = JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/read-qr.mjs", [png], TimeSpan.FromMinutes(1), Ct)).RootElement;
            Assert.Equal(formUrl, read.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static (string EventId, DateOnly Today) Event() =>
        ("bimtek-" + Guid.NewGuid().ToString("N")[..8], DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));

    private static string Registration(DateOnly today) => JsonSerializer.Serialize(new
    {
        name = "Bimtek SPP-TIK Lampung",
        startDate = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endDate = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        venue = "Hotel Novotel Lampung",
        province = "Lampung",
    });

    private static ServiceProvider BuildServices(string connectionString, int burst, CapturedLogs? logs = null, string? publicBaseUrl = null) =>
        TestServices.Build(
            TestSettings.InAzure(connectionString, new Dictionary<string, string?>
            {
                ["Forms:PublicBaseUrl"] = publicBaseUrl,
                ["Forms:RateLimitBurst"] = burst.ToString(CultureInfo.InvariantCulture),
                ["Forms:RateLimitPerMinute"] = "1",
            }),
            logs);
}
