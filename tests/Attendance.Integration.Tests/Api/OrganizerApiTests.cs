using Microsoft.VisualBasic.FileIO;

namespace Attendance.Integration.Tests.Api;

/// <summary>The organizer's desk over real HTTP on Azurite: the link, its QR code, rotating it, and who attended.</summary>
public sealed class OrganizerApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_form_url_is_absolute_from_the_request_or_from_the_configured_public_address()
    {
        await using (var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During)))
        {
            var saved = await OrganizerDesk.RegisterLampungAsync(api, Ct);
            var formUrl = new Uri(saved.GetProperty("formUrl").GetString()!);
            Assert.True(formUrl.IsAbsoluteUri);
            Assert.Equal(api.Anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority), formUrl.GetLeftPart(UriPartial.Authority));
            using var page = await api.Anonymous.GetAsync(formUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await using (var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During),
            settings: new Dictionary<string, string?> { ["Forms:PublicBaseUrl"] = "https://hadir.perpusnas.example/" }))
        {
            var saved = await OrganizerDesk.RegisterLampungAsync(api, Ct);
            Assert.Equal(
                $"https://hadir.perpusnas.example/api/events/{Lampung.EventId}/form?token={saved.GetProperty("formToken").GetString()}",
                saved.GetProperty("formUrl").GetString());
        }
    }

    [Fact]
    public async Task The_qr_code_read_back_by_an_independent_decoder_holds_the_form_url_and_is_sized_for_printing()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var formUrl = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;

        using var response = await api.Client.GetAsync($"events/{Lampung.EventId}/qr", Ct);
        using var anonymous = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/qr", Ct);
        using var svg = await api.Client.GetAsync($"events/{Lampung.EventId}/qr?format=svg", Ct);
        using var missing = await api.Client.GetAsync("events/no-such-event/qr", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var png = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
        try
        {
            var read = JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/read-qr.mjs", [png], TimeSpan.FromMinutes(1), Ct)).RootElement;
            Assert.Equal(formUrl, read.GetProperty("text").GetString());
            Assert.InRange(read.GetProperty("width").GetInt32(), 1000, 1400);
        }
        finally
        {
            File.Delete(png);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Rotating_the_token_kills_the_old_link_at_once_and_answers_with_the_new_one_for_the_admin_only()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        var old = (await OrganizerDesk.RegisterLampungAsync(api, Ct)).GetProperty("formUrl").GetString()!;

        using var byFunctionKey = await api.Client.PostAsync($"events/{Lampung.EventId}/form-token", null, Ct);
        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"events/{Lampung.EventId}/form-token");
        rotate.Headers.Add("x-functions-key", ApiServer.AdminKey);
        using var rotated = await api.Anonymous.SendAsync(rotate, Ct);
        var answer = await rotated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var fresh = answer.GetProperty("formUrl").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, byFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(old, fresh);
        Assert.EndsWith("token=" + answer.GetProperty("formToken").GetString(), fresh, StringComparison.Ordinal);
        using var oldPage = await api.Anonymous.GetAsync(old, Ct);
        using var newPage = await api.Anonymous.GetAsync(fresh, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        var fields = Lampung.Submission("Budi Santoso", day: "2023-06-06");
        fields.Remove("eventId");
        using var oldPost = await api.Anonymous.PostAsync(old, new FormUrlEncodedContent(fields), Ct);
        using var newPost = await api.Anonymous.PostAsync(fresh, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPost.StatusCode);
        Assert.Equal(HttpStatusCode.Created, newPost.StatusCode);

        var printed = await (await api.Client.GetAsync($"events/{Lampung.EventId}/qr", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var png = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, printed, Ct);
        try
        {
            var read = JsonDocument.Parse(await NodeProcess.RunAsync("tests/oracles/read-qr.mjs", [png], TimeSpan.FromMinutes(1), Ct)).RootElement;
            Assert.Equal(fresh, read.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(png);
        }

        using var unknown = new HttpRequestMessage(HttpMethod.Post, "events/no-such-event/form-token");
        unknown.Headers.Add("x-functions-key", ApiServer.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.SendAsync(unknown, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_days_list_names_who_signed_in_with_institution_regency_time_and_channel_for_the_function_key_only()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await PostAsync(api, Training());

        var day = await OrganizerDesk.DayAsync(api, "2023-06-06", Ct);
        using var anonymous = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-06", Ct);
        using var outside = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-10", Ct);
        using var badDate = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=6-6-2023", Ct);
        using var badFormat = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?format=ods", Ct);

        Assert.Equal(3, day.GetProperty("count").GetInt32());
        Assert.Equal("WIB", day.GetProperty("timeZone").GetString());
        var attendees = day.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(["Ahmad Fauzi", "Ni Luh Putu Ayu Dewi", "Siti Nur'aini"], attendees.Select(a => a.GetProperty("fullName").GetString()));
        Assert.Equal([1, 2, 3], attendees.Select(a => a.GetProperty("number").GetInt32()));
        var siti = attendees[2];
        Assert.Equal("Perpustakaan Desa Sukamaju", siti.GetProperty("institution").GetString());
        Assert.Equal("Kabupaten Pesawaran", siti.GetProperty("regency").GetProperty("name").GetString());
        Assert.Equal("kobo", siti.GetProperty("channel").GetString());
        Assert.Equal("siti@perpusdes.id", siti.GetProperty("email").GetString());
        Assert.Equal(new DateTimeOffset(2023, 6, 6, 8, 5, 0, TimeSpan.FromHours(7)), siti.GetProperty("checkInAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal("application/problem+json", badFormat.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_csv_opens_in_Excel_with_Indonesian_names_intact_and_parses_with_a_header_row()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await PostAsync(api, Training());

        using var response = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-06&format=csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("daftar-hadir-", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Parse(bytes);
        Assert.Equal(["No", "Nama", "Jenis kelamin", "Instansi", "Jenis perpustakaan", "Jabatan", "Kabupaten/Kota", "Provinsi", "Nomor HP", "Email", "Tanggal", "Jam hadir (WIB)", "Kanal", "ID kiriman"], rows[0]);
        Assert.Equal(4, rows.Count);
        var siti = rows.Single(r => r[1] == "Siti Nur'aini");
        Assert.Equal(["Perempuan", "Perpustakaan Desa Sukamaju", "Perpustakaan Desa/Kelurahan", "Kepala, \"Perpustakaan\""], siti[2..6]);
        Assert.Equal(["2023-06-06", "08:05"], siti[10..12]);
        Assert.Equal("0812-3456-7000", rows.Single(r => r[1] == "Ahmad Fauzi")[8]);
        // The id to correct or void the attendance by, as the JSON list gives it.
        var json = await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}/attendance?date=2023-06-06", Ct);
        var sitiInJson = json.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("fullName").GetString() == "Siti Nur'aini");
        Assert.Equal(sitiInJson.GetProperty("submissionId").GetString(), siti[13]);
        Assert.False(string.IsNullOrEmpty(siti[13]), "the CSV row carries the attendance's id");
        // A value that would start a formula in Excel is kept as text.
        Assert.Equal("'=HYPERLINK(\"x\")", rows.Single(r => r[1] == "Ahmad Fauzi")[5]);

        using var whole = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?format=csv", Ct);
        var all = Parse(await whole.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "Jumlah hari", "Hadir semua hari"], all[0][7..]);
        Assert.Equal(["hadir", "hadir", "hadir", "hadir", "4", "ya"], all.Single(r => r[1] == "Ni Luh Putu Ayu Dewi")[7..]);
        Assert.Equal(["", "hadir", "", "", "1", "tidak"], all.Single(r => r[1] == "Siti Nur'aini")[7..]);
    }

    [Fact]
    public async Task The_xlsx_of_the_day_and_of_the_event_opens_with_typed_cells_and_a_frozen_Indonesian_header()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await PostAsync(api, Training());

        using var response = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-06&format=xlsx", Ct);
        using var whole = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?format=xlsx", Ct);
        using var anonymous = await api.Anonymous.GetAsync($"events/{Lampung.EventId}/attendance?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"daftar-hadir-{Lampung.EventId}-2023-06-06.xlsx", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var day = Attendance.Core.Tests.Organizer.XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(day.Errors);
        Assert.Equal("Daftar hadir 06-06-2023", day.Name);
        Assert.Equal(1, day.FrozenRows);
        Assert.Equal(["No", "Nama", "Jenis kelamin", "Instansi", "Jenis perpustakaan", "Jabatan", "Kabupaten/Kota", "Provinsi", "Nomor HP", "Email", "Tanggal", "Jam hadir (WIB)", "Kanal", "ID kiriman"],
            day.Row(1, 14));
        Assert.Equal(["Ahmad Fauzi", "Ni Luh Putu Ayu Dewi", "Siti Nur'aini"], [day["B2"].Text, day["B3"].Text, day["B4"].Text]);
        // Ahmad's phone is text, as stored; his position, typed as a formula, is text too.
        Assert.Equal(Attendance.Core.Tests.Organizer.XlsxCellType.Text, day["I2"].Type);
        Assert.Equal("6281234567000", day["I2"].Text);
        Assert.Equal("=HYPERLINK(\"x\")", day["F2"].Text);
        Assert.Equal(0, day.Formulas);
        // Siti (Kobo, 08.05 WIB): a date and a time; Ni Luh and Ahmad came in a batch without checkInAt: no time.
        Assert.Equal(new DateTime(2023, 6, 6), DateTime.FromOADate(day["K4"].Number));
        Assert.Equal(14u, day["K4"].Format);
        Assert.Equal(new TimeSpan(8, 5, 0), TimeSpan.FromSeconds(Math.Round(TimeSpan.FromDays(day["L4"].Number).TotalSeconds)));
        Assert.Equal(20u, day["L4"].Format);
        Assert.Equal(Attendance.Core.Tests.Organizer.XlsxCellType.Empty, day["L2"].Type);
        var json = await OrganizerDesk.DayAsync(api, "2023-06-06", Ct);
        Assert.Equal(json.GetProperty("attendees")[2].GetProperty("submissionId").GetString(), day["N4"].Text);

        Assert.Equal($"rekap-kehadiran-{Lampung.EventId}.xlsx", whole.Content.Headers.ContentDisposition!.FileNameStar ?? whole.Content.Headers.ContentDisposition.FileName);
        var recap = Attendance.Core.Tests.Organizer.XlsxSheet.Read(await whole.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(recap.Errors);
        Assert.Equal("Rekap kehadiran", recap.Name);
        Assert.Equal(["3", "Siti Nur'aini", "Perpustakaan Desa Sukamaju", "Kabupaten Pesawaran", "Lampung", "", "siti@perpusdes.id", "", "hadir", "", "", "1", "tidak"], recap.Row(4, 13));
        Assert.Equal(Attendance.Core.Tests.Organizer.XlsxCellType.Number, recap["L4"].Type);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task No_cell_of_the_csv_starts_a_formula_in_Excel_splitting_on_commas_or_on_semicolons()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        const string dewi = "Dewi;=cmd|' /C calc'!A0;";
        var hostile = Lampung.Submission(dewi, day: "2023-06-06");
        hostile["institution"] = "Perpustakaan; +SUM(1;2)";
        hostile["position"] = "Kepala;\"@HYPERLINK(\"x\")\"";
        await PostAsync(api, [hostile, Lampung.Submission("Ani Lestari", day: "2023-06-06")]);

        foreach (var path in new[] { "?date=2023-06-06&format=csv", "?format=csv" })
        {
            using var response = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance{path}", Ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

            // Comma-separated (RFC 4180): the values as typed, apostrophes only where a cell could begin.
            var dewiRow = Parse(bytes).Single(r => r[1].StartsWith("Dewi", StringComparison.Ordinal));
            Assert.Equal("Dewi;'=cmd|' /C calc'!A0;", dewiRow[1]);
            Assert.Contains("Perpustakaan;' +SUM(1;2)", dewiRow, StringComparer.Ordinal);

            // As Excel in the id-ID locale reads it: every line split on ';', a quote honoured only at a field's start.
            var text = Encoding.UTF8.GetString(bytes[3..]);
            var cells = text.Split("\r\n").SelectMany(line => line.Split(';')).ToList();
            var formulas = cells.Where(c => c.TrimStart(' ', '"') is [ '=' or '+' or '-' or '@' or '\t', ..]).ToList();
            Assert.Empty(formulas);
            Assert.Contains(cells, c => c.StartsWith("'=cmd", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_a_date_the_event_is_listed_by_participant_with_the_days_each_attended_and_who_attended_every_day()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, new ManualTime(Lampung.During));
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await PostAsync(api, Training());

        var sheet = await api.Client.GetFromJsonAsync<JsonElement>($"events/{Lampung.EventId}/attendance", Ct);

        Assert.Equal(["2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08"], sheet.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Ni Luh Putu Ayu Dewi"], sheet.GetProperty("attendedEveryDay").EnumerateArray().Select(d => d.GetString()));
        var byDay = sheet.GetProperty("byDay");
        Assert.Equal(2, byDay.GetProperty("2023-06-05").GetInt32());
        Assert.Equal(3, byDay.GetProperty("2023-06-06").GetInt32());
        var ahmad = sheet.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("fullName").GetString() == "Ahmad Fauzi");
        Assert.Equal(["2023-06-05", "2023-06-06"], ahmad.GetProperty("daysAttended").EnumerateArray().Select(d => d.GetString()));
        Assert.False(ahmad.GetProperty("attendedEveryDay").GetBoolean());
        Assert.Equal(3, sheet.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task A_row_typed_from_paper_without_a_check_in_time_lists_none_in_json_csv_and_the_daftar_hadir()
    {
        var typing = new ManualTime(Lampung.During);
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString, typing);
        await OrganizerDesk.RegisterLampungAsync(api, Ct);
        await PostAsync(api, [Lampung.Submission("Rahmat Hidayat", day: "2023-06-06").With("source", "paper")]);

        var row = (await OrganizerDesk.DayAsync(api, "2023-06-06", Ct)).GetProperty("attendees").EnumerateArray().Single();
        using var csv = await api.Client.GetAsync($"events/{Lampung.EventId}/attendance?date=2023-06-06&format=csv", Ct);
        var html = await api.Client.GetStringAsync($"events/{Lampung.EventId}/attendance?date=2023-06-06&format=html", Ct);

        Assert.Equal(JsonValueKind.Null, row.GetProperty("checkInAt").ValueKind);
        Assert.Equal(typing.GetUtcNow(), row.GetProperty("receivedAt").GetDateTimeOffset());
        var rahmat = Parse(await csv.Content.ReadAsByteArrayAsync(Ct)).Single(r => r[1] == "Rahmat Hidayat");
        Assert.Equal(["2023-06-06", ""], rahmat[10..12]);
        Assert.Contains("<td class=\"time\"></td>", html, StringComparison.Ordinal);
    }

    /// <summary>A small training: Ni Luh every day, Ahmad two days, Siti one, through the keyed submissions API.</summary>
    internal static List<Dictionary<string, string>> Training()
    {
        var list = new List<Dictionary<string, string>>();
        foreach (var day in new[] { "2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08" })
        {
            var niLuh = Lampung.Submission("Ni Luh Putu Ayu Dewi", regency: "Kota Bandar Lampung", day: day).With("email", "niluh@perpus.id").With("source", "venue-form");
            list.Add(niLuh);
        }

        foreach (var day in new[] { "2023-06-05", "2023-06-06" })
        {
            var ahmad = Lampung.Submission("Ahmad Fauzi", regency: "Kabupaten Tanggamus", day: day).With("phone", "0812 3456 7000").With("position", "=HYPERLINK(\"x\")");
            list.Add(ahmad);
        }

        var siti = Lampung.Submission("Siti Nur'aini", day: "2023-06-06").With("email", "siti@perpusdes.id").With("gender", "P").With("institution", "Perpustakaan Desa Sukamaju").With("institutionType", "village_library").With("position", "Kepala, \"Perpustakaan\"").With("checkInAt", "2023-06-06T08:05:00+07:00").With("source", "kobo");
        list.Add(siti);
        return list;
    }

    internal static async Task PostAsync(ApiServer api, List<Dictionary<string, string>> submissions)
    {
        using var response = await api.Client.PostAsJsonAsync("submissions", submissions, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotContain("\"invalid\"", body, StringComparison.Ordinal);
    }

    /// <summary>Parsed by .NET's TextFieldParser (the Visual Basic runtime's RFC 4180 reader), not by the product's writer.</summary>
    private static List<string[]> Parse(byte[] csv)
    {
        using var parser = new TextFieldParser(new MemoryStream(csv), Encoding.UTF8, detectEncoding: true) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
