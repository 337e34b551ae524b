using Attendance.Integration.Tests.Submissions;

namespace Attendance.Integration.Tests.Api;

/// <summary>
/// The venue form on two servers over one storage, each remembering the event: a phone's sign-in costs one storage
/// request, and a token rotated or a form closed through the other server is honoured by the next post.
/// </summary>
public sealed class RememberedVenueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_token_rotated_on_another_server_refuses_the_old_link_and_opens_the_new_one_at_once()
    {
        var requests = new StorageRequestLog();
        await using var first = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During),
            services => services.AddStoragePipelinePolicy(requests, Azure.Core.HttpPipelinePosition.PerCall));
        await using var second = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During), settings: first.Settings.ToDictionary());
        var old = (await OrganizerDesk.RegisterLampungAsync(first, Ct)).GetProperty("formToken").GetString()!;

        Assert.Equal(HttpStatusCode.Created, await PostAsync(first, old, "Peserta 1"));
        var before = requests.All;
        Assert.Equal(HttpStatusCode.Created, await PostAsync(first, old, "Peserta 2"));
        Assert.Equal(1, requests.All - before);

        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"events/{Lampung.EventId}/form-token");
        rotate.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var rotated = await second.Anonymous.SendAsync(rotate, Ct);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("formToken").GetString()!;

        // The first server still remembers the old token: the post it would let in fails at commit and is judged again.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(first, old, "Peserta 3"));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(first, fresh, "Peserta 4"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(first, old, "Peserta 5"));
        Assert.Equal(["Peserta 1", "Peserta 2", "Peserta 4"], (await OrganizerDesk.NamesAsync(first, "2023-06-06", Ct)).Order());
    }

    [Fact]
    public async Task An_event_ended_early_on_another_server_closes_the_form_on_this_one_at_once()
    {
        var time = new ManualTime(Lampung.During.AddDays(-1));
        await using var first = await ApiServer.StartAsync(azurite.ConnectionString, time);
        await using var second = await ApiServer.StartAsync(azurite.ConnectionString, time, settings: first.Settings.ToDictionary());
        var token = (await OrganizerDesk.RegisterLampungAsync(first, Ct)).GetProperty("formToken").GetString()!;
        Assert.Equal(HttpStatusCode.Created, await PostAsync(first, token, "Peserta 1", "2023-06-05"));
        Assert.Equal(HttpStatusCode.Created, await PostAsync(first, token, "Peserta 2", "2023-06-05"));

        // The organizer, through the other server, ends the training after its first day.
        using var ended = await second.AdminAsync(HttpMethod.Put, $"events/{Lampung.EventId}",
            new { name = "Bimtek SPP-TIK TPBIS 2023 Provinsi Lampung", startDate = "2023-06-05", endDate = "2023-06-05", province = "Lampung" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        // The next morning the first server still remembers four days; the form is closed all the same.
        time.Now = Lampung.During;
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(first, token, "Peserta 3", "2023-06-06"));
        Assert.Equal(2, await first.Services.GetRequiredService<Attendance.Submissions.SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
        Assert.Equal(["Peserta 1", "Peserta 2"], (await OrganizerDesk.NamesAsync(first, "2023-06-05", Ct)).Order());
    }

    private static async Task<HttpStatusCode> PostAsync(ApiServer api, string token, string name, string day = "2023-06-06")
    {
        var fields = Lampung.Submission(name, day: day);
        fields.Remove("eventId");
        using var posted = await api.Anonymous.PostAsync($"events/{Lampung.EventId}/form?token={token}", new FormUrlEncodedContent(fields), Ct);
        return posted.StatusCode;
    }
}
