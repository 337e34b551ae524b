using System.Text.Json;
using Attendance.Api;

namespace Attendance.Core.Tests.Api;

/// <summary>The hand-written OpenAPI document must say what the code does: routes, methods, auth, fields.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonElement Document = JsonDocument.Parse(OpenApiApi.Json).RootElement;

    [Fact]
    public void Every_route_and_only_the_routes_of_the_route_table_are_documented_with_their_auth_level()
    {
        var documented = Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name != "parameters")
                .Select(op => (
                    Name: op.Value.GetProperty("operationId").GetString(),
                    Method: op.Name.ToUpperInvariant(),
                    Template: path.Name.TrimStart('/'),
                    Auth: op.Value.GetProperty("x-attendance-auth").GetString())))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var routes = ApiRoutes.All
            .Select(r => (Name: (string?)r.Name, r.Method, r.Template, Auth: (string?)r.Auth.ToString().ToLowerInvariant()))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(routes, documented);
    }

    [Fact]
    public void Keyed_operations_declare_the_key_and_anonymous_ones_declare_none()
    {
        foreach (var route in ApiRoutes.All)
        {
            var schemes = Operation(route).GetProperty("security").EnumerateArray().SelectMany(s => s.EnumerateObject()).Select(s => s.Name).ToList();
            var keyed = schemes.Any(s => s is "keyHeader" or "keyQuery");
            Assert.Equal((route.Name, route.Auth != ApiAuthLevel.Anonymous), (route.Name, keyed));
        }
    }

    [Fact]
    public void The_OpenRosa_routes_declare_HTTP_Basic_which_their_handler_checks()
    {
        foreach (var route in new[] { ApiRoutes.HeadOpenRosaSubmission, ApiRoutes.PostOpenRosaSubmission })
        {
            var schemes = Operation(route).GetProperty("security").EnumerateArray().SelectMany(s => s.EnumerateObject()).Select(s => s.Name);
            Assert.Equal(["basic"], schemes);
        }

        var basic = Document.GetProperty("components").GetProperty("securitySchemes").GetProperty("basic");
        Assert.Equal("http", basic.GetProperty("type").GetString());
        Assert.Equal("basic", basic.GetProperty("scheme").GetString());
    }

    [Fact]
    public void Every_error_answer_of_every_route_is_described_as_problem_details()
    {
        var wrong = new List<string>();
        foreach (var route in ApiRoutes.All)
        {
            var responses = Operation(route).GetProperty("responses");
            // Every route but the embedded document reads storage, so any may answer 503.
            foreach (var status in route == ApiRoutes.OpenApi ? ["500"] : new[] { "500", "503" })
            {
                if (!responses.TryGetProperty(status, out _))
                {
                    wrong.Add($"{route.Name}: no {status}");
                }
            }

            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = Resolve(response.Value).TryGetProperty("content", out var c) ? c.EnumerateObject().Select(m => m.Name).ToList() : [];

                // ODK Collect reads an OpenRosa message, not problem details: the OpenRosa route's client errors are
                // text/xml; HEAD has no body at all. Its storage and unexpected failures are problem details like every route's.
                var expected = route.Method == "HEAD" && response.Name[0] == '4' ? []
                    : route == ApiRoutes.PostOpenRosaSubmission && response.Name[0] == '4' ? new List<string> { "text/xml" }
                    : ["application/problem+json"];
                // The venue page's routes answer a browser (Accept: text/html) with an Indonesian page instead, for the
                // same status; API clients get problem details.
                var browserPage = (route == ApiRoutes.GetForm || route == ApiRoutes.PostForm)
                    && content.Order(StringComparer.Ordinal).SequenceEqual(["application/problem+json", "text/html"]);
                if (!content.SequenceEqual(expected) && !browserPage)
                {
                    wrong.Add($"{route.Name} {response.Name}: [{string.Join(", ", content)}]");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Body_reading_operations_describe_every_answer_a_body_can_get()
    {
        foreach (var route in new[] { ApiRoutes.PutEvent, ApiRoutes.PostSubmissions, ApiRoutes.PostForm })
        {
            var responses = Operation(route).GetProperty("responses");
            foreach (var status in new[] { "400", "408", "413", "415" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{route.Name}: no {status}");
            }
        }

        Assert.True(Operation(ApiRoutes.PostSubmissions).GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(Operation(ApiRoutes.PutEvent).GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task The_document_passes_an_independent_OpenAPI_validator()
    {
        // @seriousme/openapi-schema-validator checks the document against the OpenAPI Initiative's JSON schema for
        // 3.0 and resolves every $ref: a check the product's own code has no part in.
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, OpenApiApi.Json.ToArray(), Ct);
        try
        {
            var output = await NodeProcess.RunAsync("tests/oracles/validate-openapi.mjs", [file], TimeSpan.FromMinutes(1), Ct);
            var result = JsonDocument.Parse(output).RootElement;
            Assert.True(result.GetProperty("valid").GetBoolean(), output);
            Assert.Equal("3.0", result.GetProperty("version").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_validator_refuses_a_broken_document()
    {
        // Guards the oracle: a document with a dangling $ref must fail it.
        var broken = OpenApiText().Replace("#/components/responses/Unexpected", "#/components/responses/Missing", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"openapi-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, broken, Ct);
        try
        {
            var output = await NodeProcess.RunAsync("tests/oracles/validate-openapi.mjs", [file], TimeSpan.FromMinutes(1), Ct);
            Assert.False(JsonDocument.Parse(output).RootElement.GetProperty("valid").GetBoolean(), output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string OpenApiText() => System.Text.Encoding.UTF8.GetString(OpenApiApi.Json.Span);

    private static JsonElement Operation(ApiRoute route) =>
        Document.GetProperty("paths").GetProperty("/" + route.Template).GetProperty(route.Method.ToLowerInvariant());

    private static JsonElement Resolve(JsonElement response) =>
        response.TryGetProperty("$ref", out var reference)
            ? Document.GetProperty("components").GetProperty("responses").GetProperty(reference.GetString()!.Split('/')[^1])
            : response;

    [Fact]
    public void The_submission_schema_lists_exactly_the_fields_the_validator_reads()
    {
        var schema = Document.GetProperty("components").GetProperty("schemas").GetProperty("Submission");
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var required = schema.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(SubmissionFields.All.Order(StringComparer.Ordinal), properties);
        Assert.Equal(SubmissionFields.Required.Order(StringComparer.Ordinal), required);
    }

    [Fact]
    public void The_documented_institution_types_are_the_codes_the_validator_stores()
    {
        var codes = Document.GetProperty("components").GetProperty("schemas").GetProperty("Submission").GetProperty("properties")
            .GetProperty("institutionType").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(Vocabulary.InstitutionType.Codes, codes);
    }

    [Fact]
    public void The_documented_batch_limit_is_the_one_enforced()
    {
        var body = Document.GetProperty("paths").GetProperty("/submissions").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf")[1];
        Assert.Equal(SubmissionIntake.MaxBatch, body.GetProperty("maxItems").GetInt32());
    }
}
