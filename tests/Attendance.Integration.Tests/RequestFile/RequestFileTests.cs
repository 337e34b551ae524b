using System.Net.Http.Headers;
using Attendance.Api;

namespace Attendance.Integration.Tests.RequestFile;

/// <summary>
/// <c>attendance.http</c> at the repository root, run top to bottom against the local server on Azurite over HTTP,
/// with the server's address and keys in place of the file's, so the file a newcomer runs from the editor stays true.
/// </summary>
public sealed class RequestFileTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Routes the file leaves out, and why: the venue form opens only while its event runs, so a static file's
    /// request to it would answer differently from day to day (the file's header says so); ODK Collect's post is a
    /// multipart XML instance that Collect builds, shown in docs/forms.md (the file has its HEAD check).
    /// </summary>
    private static readonly string[] NotInTheFile = [ApiRoutes.GetForm.Name, ApiRoutes.PostForm.Name, ApiRoutes.PostOpenRosaSubmission.Name];

    private static HttpFile File => HttpFile.Parse(System.IO.File.ReadAllText(RepoPaths.Combine("attendance.http")));

    [Fact]
    public async Task Every_request_in_the_file_answers_the_status_its_expect_line_documents()
    {
        await using var api = await ApiServer.StartAsync(azurite.ConnectionString);
        var requests = File.Resolve(new Dictionary<string, string>
        {
            ["baseUrl"] = api.Anonymous.BaseAddress!.ToString().TrimEnd('/'),
            ["functionKey"] = ApiServer.FunctionKey,
            ["adminKey"] = ApiServer.AdminKey,
        });

        var answers = new List<(HttpFileRequest Request, int Status, string Body)>();
        foreach (var request in requests)
        {
            using var message = ToMessage(request);
            using var response = await api.Anonymous.SendAsync(message, Ct);
            answers.Add((request, (int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal(
            requests.Select(r => $"{r} -> {r.ExpectedStatus}"),
            answers.Select(a => $"{a.Request} -> {a.Status}" + (a.Status == a.Request.ExpectedStatus ? "" : $" {a.Body}".TrimEnd())));

        // A batch answers 200 whatever its items hold, so the status alone would not notice an item the API refuses.
        var itemResults = answers
            .Where(a => a.Body.StartsWith("{\"results\"", StringComparison.Ordinal))
            .SelectMany(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("results").EnumerateArray().Select(r => r.ToString()))
            .ToList();
        Assert.NotEmpty(itemResults);
        Assert.All(itemResults, r => Assert.Matches("\"status\":\"(created|duplicate)\"", r));
    }

    [Fact]
    public void The_file_has_a_request_for_every_route_but_the_venue_form_and_collects_post()
    {
        var covered = File.Requests.Select(r => RouteOf(r)?.Name ?? $"no route for {r}").Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Except(NotInTheFile).Order(StringComparer.Ordinal), covered);
    }

    private static ApiRoute? RouteOf(HttpFileRequest request)
    {
        const string Base = "{{baseUrl}}/";
        if (!request.Url.StartsWith(Base, StringComparison.Ordinal))
        {
            return null;
        }

        var path = request.Url[Base.Length..].Split('?')[0];
        return ApiRoutes.All.SingleOrDefault(route => route.Method == request.Method
            && Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(route.Template), @"\\\{[^/]+?\}", "[^/]+") + "$"));
    }

    private static HttpRequestMessage ToMessage(HttpFileRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        }

        foreach (var (name, value) in request.Headers)
        {
            var sent = name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? HttpFile.EncodeBasic(value) : value;
            if (!message.Headers.TryAddWithoutValidation(name, sent)
                && !(message.Content?.Headers.TryAddWithoutValidation(name, sent) ?? false))
            {
                throw new InvalidOperationException($"{request}: the header {name} cannot be sent (a content header on a request without a body?).");
            }
        }

        return message;
    }
}
