namespace Attendance.Integration.Tests.FormTools;

/// <summary>
/// KoboToolbox REST Services as kpi posts them (kobo/apps/hook/services/service_json.py): the submission's JSON as
/// the form's answers keyed by XML path beside Kobo's metadata, Content-Type application/json, the key in a custom
/// header, and retries of the same submission when an answer is not 2xx.
/// </summary>
public sealed class KoboRestServiceTests(AzuriteFixture azurite)
{
    /// <summary>A submission of the documented XLSForm (docs/forms.md): questions in the groups peserta and asal.</summary>
    private static string Submission(string uuid, string fullName, string instanceId = "", string extra = "") => $$"""
        {
          "_id": 314159265,
          "formhub/uuid": "8e5c1f0d3b2a4a7c9d1e2f3a4b5c6d7e",
          "start": "2023-06-05T08:14:02.118+07:00",
          "end": "2023-06-05T08:15:40.530+07:00",
          "eventId": "bimtek-spptik-lampung-2023",
          "sessionDate": "2023-06-05",
          "peserta/fullName": "{{fullName}}",
          "peserta/gender": "perempuan",
          "peserta/email": "{{fullName.ToLowerInvariant().Replace(' ', '.')}}@perpusdes.example.id",
          "asal/province": "Lampung",
          "asal/regency": "pesawaran",
          "asal/institutionType": "village_library",
          "asal/institution": "Perpustakaan Desa Sukamaju",
          {{extra}}
          "__version__": "vGq7bH8Z6pXk3nLwT2dR9s",
          {{(instanceId.Length > 0 ? $"\"meta/instanceID\": \"{instanceId}\"," : string.Empty)}}
          "_xform_id_string": "aJ6uJj8zhnQPij3myN4xRm",
          "_uuid": "{{uuid}}",
          "_attachments": [],
          "_status": "submitted_via_web",
          "_geolocation": [null, null],
          "_submission_time": "2023-06-05T01:15:41",
          "_tags": [],
          "_notes": [],
          "_validation_status": {},
          "_submitted_by": null
        }
        """;

    private static async Task<HttpResponseMessage> PostAsync(ApiServer api, string json)
    {
        // What requests.post(json=...) sends: UTF-8 JSON without a charset parameter.
        using var request = new HttpRequestMessage(HttpMethod.Post, "submissions") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "KoBoToolbox external service #hAbC123");
        request.Headers.Add("x-functions-key", ApiServer.FunctionKey);
        return await api.Anonymous.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_grouped_Kobo_form_posts_unchanged_and_its_retry_is_a_duplicate_by_instance_id()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var json = Submission("0e4c1a52-8f3e-4c1b-9a57-2d7e5f60a111", "Nur Aisyah", "uuid:0e4c1a52-8f3e-4c1b-9a57-2d7e5f60a111");

        using var first = await PostAsync(api, json);
        using var retry = await PostAsync(api, json);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var receipt = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("duplicate", receipt.GetProperty("status").GetString());
        Assert.Equal("uuid:0e4c1a52-8f3e-4c1b-9a57-2d7e5f60a111", receipt.GetProperty("submissionId").GetString());
        var stored = Assert.Single(await api.Services.GetRequiredService<SubmissionStore>().ReadAsync(Lampung.EventId, 0, 10, Ct).Select(r => r.Live!).ToListAsync(Ct));
        Assert.Equal(
            ("Nur Aisyah", "village_library", "Perpustakaan Desa Sukamaju"),
            (stored.Submission.FullName, stored.Submission.InstitutionType, stored.Submission.Institution));
    }

    [Fact]
    public async Task Without_meta_instanceID_the_Kobo_uuid_is_the_idempotency_key()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var first = await PostAsync(api, Submission("7d1f6a90-1111-4c1b-9a57-2d7e5f60a222", "Wayan Sudarta"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("7d1f6a90-1111-4c1b-9a57-2d7e5f60a222", (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());

        // The same uuid for another person (a copied form, a broken tool): refused, never swallowed as a duplicate.
        using var other = await PostAsync(api, Submission("7d1f6a90-1111-4c1b-9a57-2d7e5f60a222", "Made Ayu"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(1, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Two_paths_ending_in_the_same_field_are_a_400_naming_both()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var response = await PostAsync(api, Submission("9a9a9a9a-0000-4000-8000-000000000001", "Nur Aisyah", extra: "\"pendamping/fullName\": \"Siti\","));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("fullName")[0].GetString();
        Assert.Contains("'peserta/fullName'", message, StringComparison.Ordinal);
        Assert.Contains("'pendamping/fullName'", message, StringComparison.Ordinal);
        Assert.Equal(0, await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct));
    }

    [Fact]
    public async Task Nested_groups_give_several_segments_and_the_last_one_is_the_field()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var json = Submission("5b5b5b5b-0000-4000-8000-000000000001", "Nur Aisyah")
            .Replace("\"peserta/fullName\"", "\"bagian_a/peserta/identitas/fullName\"", StringComparison.Ordinal);
        using var response = await PostAsync(api, json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
