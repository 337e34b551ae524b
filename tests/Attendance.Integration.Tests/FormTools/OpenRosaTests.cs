using System.Xml.Linq;

namespace Attendance.Integration.Tests.FormTools;

/// <summary>ODK Collect straight to the product, through the OpenRosa Form Submission API, over real HTTP.</summary>
public sealed class OpenRosaTests(AzuriteFixture azurite)
{
    private static readonly XNamespace OpenRosa = "http://openrosa.org/http/response";

    [Fact]
    public async Task Head_with_the_function_key_as_password_answers_204_with_the_OpenRosa_headers()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var response = await api.Anonymous.SendAsync(OdkCollect.Head(ApiServer.FunctionKey), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0", Assert.Single(response.Headers.GetValues("X-OpenRosa-Version")));
        Assert.Equal("10485760", Assert.Single(response.Headers.GetValues("X-OpenRosa-Accept-Content-Length")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-password-0000000")]
    public async Task Without_the_key_Collect_is_challenged_for_Basic_credentials(string? password)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var head = await api.Anonymous.SendAsync(OdkCollect.Head(password), Ct);
        using var post = await api.Anonymous.SendAsync(OdkCollect.Post(OdkCollect.Instance("uuid:1b4f0c55-0000-4000-8000-000000000001", "Siti Aminah"), password), Ct);
        foreach (var response in new[] { head, post })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Basic realm=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await StoredAsync(api));
    }

    [Fact]
    public async Task The_function_key_in_the_header_does_not_replace_Basic_credentials()
    {
        // api.Client sends x-functions-key: Collect cannot, and the route does not pretend it can.
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var response = await api.Client.SendAsync(OdkCollect.Head(null), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_grouped_instance_is_stored_with_201_and_its_resubmission_is_201_stored_once()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var xml = OdkCollect.Instance("uuid:1b4f0c55-0000-4000-8000-000000000002", "Siti Aminah");

        using var first = await api.Anonymous.SendAsync(OdkCollect.Post(xml, ApiServer.FunctionKey), Ct);
        using var again = await api.Anonymous.SendAsync(OdkCollect.Post(xml, ApiServer.AdminKey), Ct);

        foreach (var response in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("1.0", Assert.Single(response.Headers.GetValues("X-OpenRosa-Version")));
            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(OpenRosa + "OpenRosaResponse", document.Root!.Name);
            Assert.Equal("submit_success", document.Root.Element(OpenRosa + "message")!.Attribute("nature")!.Value);
        }

        var stored = Assert.Single(await api.Services.GetRequiredService<SubmissionStore>().ReadAsync(Lampung.EventId, 0, 10, Ct).Select(r => r.Live!).ToListAsync(Ct));
        Assert.Equal(
            ("Siti Aminah", "18.09", "female", "odk-collect", "uuid:1b4f0c55-0000-4000-8000-000000000002"),
            (stored.Submission.FullName, stored.Submission.Regency.Code, stored.Submission.Gender, stored.Submission.Source, stored.Submission.SubmissionId));
    }

    [Fact]
    public async Task An_invalid_instance_is_a_400_OpenRosa_message_naming_every_invalid_field()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var xml = OdkCollect.Instance("uuid:1b4f0c55-0000-4000-8000-000000000003", "1234", day: "2023-06-09", regency: "Atlantis");

        using var response = await api.Anonymous.SendAsync(OdkCollect.Post(xml, ApiServer.FunctionKey), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var message = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!.Element(OpenRosa + "message")!;
        Assert.Equal("error", message.Attribute("nature")!.Value);
        foreach (var field in new[] { "fullName:", "regency:", "sessionDate:" })
        {
            Assert.Contains(field, message.Value, StringComparison.Ordinal);
        }

        Assert.Equal(0, await StoredAsync(api));
    }

    [Fact]
    public async Task An_instance_id_reused_for_another_person_is_a_409_and_stores_nothing()
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        const string id = "uuid:1b4f0c55-0000-4000-8000-000000000004";
        using var first = await api.Anonymous.SendAsync(OdkCollect.Post(OdkCollect.Instance(id, "Siti Aminah").Replace("0812 3456 7890", "0812 1111 2222", StringComparison.Ordinal), ApiServer.FunctionKey), Ct);
        using var other = await api.Anonymous.SendAsync(OdkCollect.Post(OdkCollect.Instance(id, "Rudi Hartono").Replace("0812 3456 7890", "0813 9999 8888", StringComparison.Ordinal), ApiServer.FunctionKey), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("submissionId", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await StoredAsync(api));
    }

    public static TheoryData<string, string, HttpStatusCode> Refused => new()
    {
        {
            "an external entity",
            """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d><fullName>&x;</fullName></d>""",
            HttpStatusCode.BadRequest
        },
        {
            "an entity expansion bomb",
            """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d><fullName>&b;</fullName></d>""",
            HttpStatusCode.BadRequest
        },
        { "XML that is not well-formed", "<d><fullName>Siti</d>", HttpStatusCode.BadRequest },
        { "groups nested 20 deep", string.Concat(Enumerable.Repeat("<g>", 20)) + "x" + string.Concat(Enumerable.Repeat("</g>", 20)), HttpStatusCode.BadRequest },
        { "an instance over the limit", "<d><fullName>" + new string('a', 11 * 1024 * 1024) + "</fullName></d>", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_reader_allows_no_DTD_no_external_entity_and_keeps_the_limits(string what, string xml, HttpStatusCode status)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        using var response = await api.Anonymous.SendAsync(OdkCollect.Post(xml, ApiServer.FunctionKey), Ct);
        Assert.True(status == response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("error", XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!.Element(OpenRosa + "message")!.Attribute("nature")!.Value);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(api));
    }

    [Fact]
    public async Task A_post_without_the_instance_part_or_not_multipart_is_refused_with_an_OpenRosa_message()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        using var noPart = await api.Anonymous.SendAsync(OdkCollect.Post(OdkCollect.Instance("uuid:x", "Siti"), ApiServer.FunctionKey, part: "photo"), Ct);
        using var json = await api.Anonymous.SendAsync(OdkCollect.Request(HttpMethod.Post, ApiServer.FunctionKey, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noPart.StatusCode);
        Assert.Contains("xml_submission_file", await noPart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    private const string Boundary = "odk-boundary-7f3a";

    /// <summary>Multipart bodies no multipart reader should take, each wrapped around a valid instance part.</summary>
    public static TheoryData<string, string> MalformedMultipart => new()
    {
        { "a part with 17 headers", Part(string.Concat(Enumerable.Range(1, 16).Select(i => $"X-Extra-{i}: {i}\r\n"))) },
        { "one 20 KB header line", Part($"X-Padding: {new string('a', 20 * 1024)}\r\n") },
        { "headers that never end", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"\r\n" + new string('a', 30 * 1024) },
        { "no closing boundary", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"\r\n\r\n<d/>" },
        { "no boundary at all", "<d><fullName>Siti</fullName></d>" },
    };

    [Theory]
    [MemberData(nameof(MalformedMultipart))]
    public async Task A_malformed_multipart_body_is_a_400_OpenRosa_message_and_stores_nothing(string what, string body)
    {
        await using var api = await ApiServer.StartWithLampungAsync(azurite.ConnectionString);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        using var response = await api.Anonymous.SendAsync(OdkCollect.Request(HttpMethod.Post, ApiServer.FunctionKey, content), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("1.0", response.Headers.GetValues("X-OpenRosa-Version").Single());
        Assert.Equal("error", XDocument.Parse(text).Root!.Element(OpenRosa + "message")!.Attribute("nature")!.Value);
        Assert.Equal(0, await StoredAsync(api));
    }

    /// <summary>The instance part of a Collect post with <paramref name="extraHeaders"/> after its two usual headers.</summary>
    private static string Part(string extraHeaders) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"a.xml\"\r\nContent-Type: text/xml\r\n{extraHeaders}\r\n"
        + OdkCollect.Instance("uuid:1b4f0c55-0000-4000-8000-000000000017", "Siti Aminah") + $"\r\n--{Boundary}--\r\n";

    private static async Task<long> StoredAsync(ApiServer api) =>
        await api.Services.GetRequiredService<SubmissionStore>().GetLastSequenceAsync(Lampung.EventId, Ct);
}
