namespace Attendance.Integration.Tests.RequestFile;

/// <summary>The request-file reader the file's own test relies on: what it takes from a file, and what it refuses.</summary>
public sealed class HttpFileTests
{
    private const string TwoRequests = """
        @baseUrl = http://127.0.0.1:7071/api
        @key = abc

        ### Health
        # expect 200
        GET {{baseUrl}}/health HTTP/1.1

        ### Post one
        // a comment
        # expect 201
        POST {{baseUrl}}/submissions
        x-functions-key: {{key}}
        Content-Type: application/json

        {"fullName": "Siti"}
        """;

    [Fact]
    public void Requests_are_split_at_three_hashes_with_their_expected_status_headers_and_body()
    {
        var requests = HttpFile.Parse(TwoRequests).Resolve(new Dictionary<string, string> { ["key"] = "the-key" });

        Assert.Equal(["GET http://127.0.0.1:7071/api/health (Health)", "POST http://127.0.0.1:7071/api/submissions (Post one)"],
            requests.Select(r => r.ToString()));
        Assert.Equal([200, 201], requests.Select(r => r.ExpectedStatus));
        Assert.Equal(["x-functions-key: the-key", "Content-Type: application/json"], requests[1].Headers.Select(h => $"{h.Key}: {h.Value}"));
        Assert.Equal("{\"fullName\": \"Siti\"}", requests[1].Body);
        Assert.Null(requests[0].Body);
    }

    [Fact]
    public void A_placeholder_that_is_no_file_variable_such_as_a_response_variable_is_refused_not_sent()
    {
        var file = HttpFile.Parse(TwoRequests.Replace("{{key}}", "{{register.response.body.$.formToken}}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => file.Resolve(new Dictionary<string, string>()));
        Assert.Contains("{{register.response.body.$.formToken}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_a_variable_the_file_does_not_declare_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => HttpFile.Parse(TwoRequests).Resolve(new Dictionary<string, string> { ["adminKey"] = "x" }));
        Assert.Contains("@adminKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_an_expect_line_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => HttpFile.Parse(TwoRequests.Replace("# expect 201\n", "", StringComparison.Ordinal)));
        Assert.Contains("Post one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_user_and_password_are_encoded_as_rest_client_sends_them_and_an_encoded_value_is_kept()
    {
        var encoded = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("odk:the-key"));

        Assert.Equal(encoded, HttpFile.EncodeBasic("Basic odk:the-key"));
        Assert.Equal(encoded, HttpFile.EncodeBasic(encoded));
    }
}
