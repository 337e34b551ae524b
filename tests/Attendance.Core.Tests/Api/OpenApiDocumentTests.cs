using System.Text.Json;
using Attendance.Api;
using Attendance.Submissions;

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
            var operation = Document.GetProperty("paths").GetProperty("/" + route.Template).GetProperty(route.Method.ToLowerInvariant());
            var security = operation.GetProperty("security").GetArrayLength();
            Assert.True(route.Auth == ApiAuthLevel.Anonymous ? security == 0 : security > 0, route.Name);
        }
    }

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
