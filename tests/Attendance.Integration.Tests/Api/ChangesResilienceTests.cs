namespace Attendance.Integration.Tests.Api;

/// <summary>
/// A change is one transaction: storage failing before it applies it leaves nothing changed and answers 503 with
/// Retry-After; a response lost after it applied it is never applied twice, whoever retries.
/// </summary>
public sealed class ChangesResilienceTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("correct")]
    [InlineData("void")]
    public async Task Storage_failing_before_the_change_leaves_everything_as_it_was_and_says_retry(string kind)
    {
        var faults = new FaultInjectionPolicy { Selects = IsTransaction };
        await using var api = await StartAsync(faults, pipelineRetries: 0);
        var id = await SignInAsync(api);

        faults.Reset(failRequestNumber: 1, afterStorageApplied: false);
        using var failed = await ChangeAsync(api, kind, id);

        Assert.True(faults.Fired);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(failed.Headers.RetryAfter is not null, "503 carries Retry-After");
        Assert.Equal(["Siti Nurhaliza"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
        Assert.Empty(await ChangeNumbersAsync(api));

        using var retried = await ChangeAsync(api, kind, id);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal([1L], await ChangeNumbersAsync(api));
    }

    [Theory]
    [InlineData("correct", 0, HttpStatusCode.ServiceUnavailable)]
    [InlineData("correct", 2, HttpStatusCode.OK)]
    [InlineData("void", 0, HttpStatusCode.ServiceUnavailable)]
    [InlineData("void", 2, HttpStatusCode.OK)]
    public async Task A_response_lost_after_storage_applied_the_change_is_never_applied_twice(string kind, int pipelineRetries, HttpStatusCode firstAnswer)
    {
        // Without retries the organizer sees 503 and sends it again; with them the pipeline's retry meets the moved
        // counter, the change is planned again from the rows as they are now, and there is nothing left to do.
        var faults = new FaultInjectionPolicy { Selects = IsTransaction };
        await using var api = await StartAsync(faults, pipelineRetries);
        var id = await SignInAsync(api);

        faults.Reset(failRequestNumber: 1, afterStorageApplied: true);
        using var first = await ChangeAsync(api, kind, id);
        Assert.True(faults.Fired);
        Assert.Equal(firstAnswer, first.StatusCode);

        using var again = await ChangeAsync(api, kind, id);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("change").ValueKind);
        Assert.Equal([1L], await ChangeNumbersAsync(api));
        Assert.Equal(kind == "void" ? [] : ["Siti Nurhalizah"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
    }

    private static bool IsTransaction(Azure.Core.HttpMessage message) =>
        message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);

    private async Task<ApiServer> StartAsync(FaultInjectionPolicy faults, int pipelineRetries)
    {
        return await ApiServer.StartWithLampungAsync(azurite.ConnectionString, configureServices: s => s.AddStoragePipelinePolicy(faults),
            settings: new Dictionary<string, string?> { ["AttendanceStorage:MaxRetries"] = pipelineRetries.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static async Task<string> SignInAsync(ApiServer api)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Siti Nurhaliza"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString()!;
    }

    private static async Task<HttpResponseMessage> ChangeAsync(ApiServer api, string kind, string id)
    {
        var path = $"events/{Lampung.EventId}/attendance/{id}";
        return kind == "void"
            ? await api.AdminAsync(HttpMethod.Delete, path + "?reason=Entri%20uji")
            : await api.AdminAsync(HttpMethod.Patch, path, new { fullName = "Siti Nurhalizah", reason = "Ejaan" });
    }

    private static async Task<List<long>> ChangeNumbersAsync(ApiServer api)
    {
        using var response = await api.AdminAsync(HttpMethod.Get, $"events/{Lampung.EventId}/changes");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("number").GetInt64())];
    }
}
