namespace Attendance.Integration.Tests.Api;

/// <summary>
/// Corrections, voids, erasures and the audit trail over real HTTP on Azurite: what the organizer sees at once, what
/// is refused and why, and that the trail holds no personal value.
/// </summary>
public sealed class ChangesApiTests(AzuriteFixture azurite)
{
    private const string SecondEventId = "bimtek-spptik-lampung-2024";

    [Fact]
    public async Task A_misspelt_name_is_corrected_in_the_lists_at_once_and_the_trail_names_the_field_not_the_values()
    {
        await using var api = await StartAsync();
        var id = await SignInAsync(api, Lampung.Submission("Siti Nurhaliza"));

        using var corrected = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{id}",
            new { fullName = "Siti Nurhalizah", reason = "Ejaan nama untuk sertifikat" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var answer = await corrected.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("live", answer.GetProperty("state").GetString());
        Assert.Equal(["fullName"], answer.GetProperty("change").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Siti Nurhalizah"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));

        var trail = await ChangesAsync(api, Lampung.EventId);
        var change = Assert.Single(trail.GetProperty("changes").EnumerateArray());
        Assert.Equal("correction", change.GetProperty("kind").GetString());
        Assert.Equal(id, change.GetProperty("submissionId").GetString());
        Assert.Equal("admin", change.GetProperty("key").GetString());
        Assert.Equal("Ejaan nama untuk sertifikat", change.GetProperty("reason").GetString());
        Assert.DoesNotContain("Nurhaliza", trail.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_values_again_change_nothing_and_write_no_entry()
    {
        await using var api = await StartAsync();
        var id = await SignInAsync(api, Lampung.Submission("Rudi Hartono"));

        using var same = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{id}", new { fullName = "Rudi Hartono", reason = "cek" });

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("change").ValueKind);
        Assert.Empty((await ChangesAsync(api, Lampung.EventId)).GetProperty("changes").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"regency":"Kabupaten Atlantis","reason":"pindah"}""", "regency")]
    [InlineData("""{"email":"bukan-email","reason":"kontak"}""", "email")]
    [InlineData("""{"fullName":"","reason":"kosong"}""", "fullName")]
    [InlineData("""{"sessionDate":"2023-06-06","reason":"hari salah"}""", "sessionDate")]
    [InlineData("""{"eventId":"lain","reason":"acara salah"}""", "eventId")]
    [InlineData("""{"favouriteColour":"biru","reason":"x"}""", "favouriteColour")]
    [InlineData("""{"fullName":"Siti"}""", "reason")]
    [InlineData("""{"fullName":"Siti","reason":"hubungi 0812-3456-7890"}""", "reason")]
    [InlineData("""{"reason":"tidak ada field"}""", "body")]
    [InlineData("""{"fullName":42,"reason":"angka"}""", "fullName")]
    public async Task A_correction_is_validated_as_a_submission_is_and_a_refusal_names_the_field_and_stores_nothing(string body, string field)
    {
        await using var api = await StartAsync();
        var id = await SignInAsync(api, Lampung.Submission("Made Wirawan"));

        using var refused = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors.GetRawText()}");
        Assert.Equal(["Made Wirawan"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
        Assert.Empty((await ChangesAsync(api, Lampung.EventId)).GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task A_correction_that_makes_two_attendances_one_person_is_a_409_naming_the_other_and_a_moved_identity_frees_its_place()
    {
        await using var api = await StartAsync();
        var first = await SignInAsync(api, Lampung.Submission("Budi Santoso"));
        var second = await SignInAsync(api, Lampung.Submission("Budi Santos"));

        using var collision = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{second}", new { fullName = "budi  santoso", reason = "ejaan" });
        Assert.Equal(HttpStatusCode.Conflict, collision.StatusCode);
        var message = (await collision.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("submissionId")[0].GetString();
        Assert.Contains(first, message, StringComparison.Ordinal);

        using var moved = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{second}", new { fullName = "Budi Hartono", reason = "nama lengkap" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // "Budi Santos" no longer holds a place that day, so he can sign in; "Budi Hartono" now does, so he cannot twice.
        using var again = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Santos"), Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        using var twice = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Budi Hartono"), Ct);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(second, (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString());
        Assert.Equal(["Budi Hartono", "Budi Santos", "Budi Santoso"], (await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_regency_code_alone_moves_the_province_with_it()
    {
        await using var api = await StartAsync();
        var id = await SignInAsync(api, Lampung.Submission("Nur Aisyah"));

        // 31.71 is Kota Adm. Jakarta Pusat, in province 31 (DKI Jakarta), not Lampung.
        using var moved = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{id}", new { regency = "31.71", reason = "salah pilih daerah" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var day = await OrganizerDesk.DayAsync(api, "2023-06-05", Ct);
        var nur = Assert.Single(day.GetProperty("attendees").EnumerateArray());
        Assert.Equal("31.71", nur.GetProperty("regency").GetProperty("code").GetString());
        Assert.Equal("31", nur.GetProperty("province").GetProperty("code").GetString());
        Assert.Equal(["province", "regency"], (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("change").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_voided_sign_in_leaves_the_lists_at_once_twice_is_once_and_the_person_may_sign_in_again()
    {
        await using var api = await StartAsync();
        var stranger = Lampung.Submission("Orang Asing");
        stranger["submissionId"] = "paper-17";
        var id = await SignInAsync(api, stranger);
        await SignInAsync(api, Lampung.Submission("Ani Lestari"));

        using var voided = await api.AdminAsync(HttpMethod.Delete, $"events/{Lampung.EventId}/attendance/{id}?reason=Bukan%20peserta");
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        var answer = await voided.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("voided", answer.GetProperty("state").GetString());
        Assert.Equal("void", answer.GetProperty("change").GetProperty("kind").GetString());
        Assert.Equal(["Ani Lestari"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));

        using var again = await api.AdminAsync(HttpMethod.Delete, $"events/{Lampung.EventId}/attendance/{id}?reason=Bukan%20peserta");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("change").ValueKind);
        Assert.Single((await ChangesAsync(api, Lampung.EventId)).GetProperty("changes").EnumerateArray());

        // The same paper row typed in again is the same submission: received, still voided.
        using var resent = await api.Client.PostAsJsonAsync("submissions", stranger, Ct);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(["Ani Lestari"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));

        // A new sign-in of the same person that day is a new attendance.
        using var signedIn = await api.Client.PostAsJsonAsync("submissions", Lampung.Submission("Orang Asing"), Ct);
        Assert.Equal(HttpStatusCode.Created, signedIn.StatusCode);

        using var correctVoided = await api.AdminAsync(HttpMethod.Patch, $"events/{Lampung.EventId}/attendance/{id}", new { fullName = "X Y", reason = "coba" });
        Assert.Equal(HttpStatusCode.Conflict, correctVoided.StatusCode);
    }

    [Theory]
    [InlineData("events/bimtek-spptik-lampung-2023/attendance/no-such-id?reason=tes", HttpStatusCode.NotFound)]
    [InlineData("events/no-such-event/attendance/abc?reason=tes", HttpStatusCode.NotFound)]
    [InlineData("events/bimtek-spptik-lampung-2023/attendance/abc", HttpStatusCode.BadRequest)]
    [InlineData("events/bimtek-spptik-lampung-2023/attendance/a%20b?reason=tes", HttpStatusCode.BadRequest)]
    public async Task A_void_of_an_unknown_attendance_is_a_404_and_one_without_a_reason_a_400(string path, HttpStatusCode expected)
    {
        await using var api = await StartAsync();
        await SignInAsync(api, Lampung.Submission("Ani Lestari"));

        using var response = await api.AdminAsync(HttpMethod.Delete, path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Ani Lestari"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
    }

    [Fact]
    public async Task An_erasure_previews_per_event_then_removes_every_attendance_of_the_person_and_only_hers()
    {
        await using var api = await StartAsync();
        await api.RegisterEventAsync(SecondEventId, SecondRegistration);
        var sitiDay1 = Lampung.Submission("Siti Aminah");
        sitiDay1["email"] = "Siti.Aminah@Example.org";
        var sitiDay2 = Lampung.Submission("Siti Aminah", day: "2023-06-06");
        sitiDay2["email"] = "siti.aminah@example.org";
        var sitiNextYear = Lampung.Submission("Siti A.");
        sitiNextYear["eventId"] = SecondEventId;
        sitiNextYear["sessionDate"] = "2024-06-03";
        sitiNextYear["email"] = "siti.aminah@example.org";
        var ids = new[] { await SignInAsync(api, sitiDay1), await SignInAsync(api, sitiDay2), await SignInAsync(api, sitiNextYear) };
        await SignInAsync(api, Lampung.Submission("Ani Lestari"));

        using var preview = await api.AdminAsync(HttpMethod.Post, "participants/erasure", new { email = "SITI.AMINAH@example.org", reason = "Permintaan peserta", preview = true });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var planned = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(planned.GetProperty("preview").GetBoolean());
        Assert.Equal(3, planned.GetProperty("attendances").GetInt32());
        Assert.Equal([Lampung.EventId, SecondEventId], planned.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()));
        Assert.Equal(["Ani Lestari", "Siti Aminah"], (await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct)).Order(StringComparer.Ordinal));

        using var erased = await api.AdminAsync(HttpMethod.Post, "participants/erasure", new { email = "siti.aminah@example.org", reason = "Permintaan peserta", preview = false });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var done = await erased.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(done.GetProperty("preview").GetBoolean());
        Assert.Equal(ids.Order(StringComparer.Ordinal), done.GetProperty("events").EnumerateArray()
            .SelectMany(e => e.GetProperty("attendances").EnumerateArray()).Select(a => a.GetProperty("submissionId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["Ani Lestari"], await OrganizerDesk.NamesAsync(api, "2023-06-05", Ct));
        Assert.Empty(await OrganizerDesk.NamesAsync(api, "2023-06-06", Ct));
        Assert.Equal(["erasure", "erasure"], (await ChangesAsync(api, Lampung.EventId)).GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.DoesNotContain("siti", (await ChangesAsync(api, SecondEventId)).GetRawText(), StringComparison.OrdinalIgnoreCase);

        using var repeat = await api.AdminAsync(HttpMethod.Post, "participants/erasure", new { email = "siti.aminah@example.org", reason = "Permintaan peserta", preview = false });
        Assert.Equal(0, (await repeat.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("attendances").GetInt32());
    }

    [Fact]
    public async Task Someone_who_gave_no_contacts_is_erased_by_name_and_regency_as_the_identity_rules_compare_names()
    {
        await using var api = await StartAsync();
        var id = await SignInAsync(api, Lampung.Submission("I Gusti Ayu Made"));
        await SignInAsync(api, Lampung.Submission("I Gusti Ayu Made", regency: "Kota Metro"));

        using var erased = await api.AdminAsync(HttpMethod.Post, "participants/erasure",
            new { fullName = "i gusti  AYU made", province = "Lampung", regency = "Kab. Pesawaran", reason = "Permintaan peserta", preview = false });

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var attendance = Assert.Single((await erased.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("events").EnumerateArray()
            .SelectMany(e => e.GetProperty("attendances").EnumerateArray()));
        Assert.Equal(id, attendance.GetProperty("submissionId").GetString());
        var left = Assert.Single((await OrganizerDesk.DayAsync(api, "2023-06-05", Ct)).GetProperty("attendees").EnumerateArray());
        Assert.Equal("Kota Metro", left.GetProperty("regency").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"reason":"x"}""", "email")]
    [InlineData("""{"email":"siti@example.org"}""", "reason")]
    [InlineData("""{"fullName":"Siti","regency":"Kabupaten Atlantis","province":"Lampung","reason":"x"}""", "regency")]
    [InlineData("""{"email":"siti@example.org","reason":"x","preview":"yes"}""", "preview")]
    [InlineData("""{"email":"siti@example.org","reason":"x"}""", "preview")]
    [InlineData("""{"email":"siti@example.org","reason":"x","nik":"1871"}""", "nik")]
    public async Task An_erasure_request_that_names_nobody_or_no_reason_is_a_400_naming_the_field(string body, string field)
    {
        await using var api = await StartAsync();

        using var refused = await api.AdminAsync(HttpMethod.Post, "participants/erasure", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors.GetRawText()}");
    }

    [Theory]
    [InlineData("PATCH", "events/bimtek-spptik-lampung-2023/attendance/abc")]
    [InlineData("DELETE", "events/bimtek-spptik-lampung-2023/attendance/abc?reason=x")]
    [InlineData("GET", "events/bimtek-spptik-lampung-2023/changes")]
    [InlineData("POST", "participants/erasure")]
    public async Task Every_change_route_refuses_the_function_key(string method, string path)
    {
        await using var api = await StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { reason = "x" }) };

        using var response = await api.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static object SecondRegistration => new
    {
        name = "Bimtek SPP-TIK TPBIS 2024 Provinsi Lampung",
        startDate = "2024-06-03",
        endDate = "2024-06-05",
        province = "Lampung",
        regency = "Kota Bandar Lampung",
    };

    private async Task<ApiServer> StartAsync()
    {
        return await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
    }

    private static async Task<string> SignInAsync(ApiServer api, Dictionary<string, string> fields)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", fields, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("submissionId").GetString()!;
    }

    private static async Task<JsonElement> ChangesAsync(ApiServer api, string eventId)
    {
        using var response = await api.AdminAsync(HttpMethod.Get, $"events/{eventId}/changes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
