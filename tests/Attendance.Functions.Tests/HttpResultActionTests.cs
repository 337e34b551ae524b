using System.Text;
using Attendance.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Attendance.Functions.Tests;

/// <summary>
/// The worker executes a function's <see cref="IActionResult"/> against the invocation's HttpContext; the
/// adapter must make that write exactly what the core handler's <see cref="IResult"/> writes on the local server.
/// </summary>
public sealed class HttpResultActionTests
{
    public static TheoryData<string> Results => ["created", "problem", "html", "bytes"];

    [Theory]
    [MemberData(nameof(Results))]
    public async Task The_action_writes_the_same_response_as_the_result_itself(string kind)
    {
        var direct = NewContext();
        await Make(kind).ExecuteAsync(direct);

        var adapted = NewContext();
        IActionResult action = new HttpResultAction(Make(kind));
        await action.ExecuteResultAsync(new ActionContext(adapted, new RouteData(), new ActionDescriptor()));

        Assert.Equal(direct.Response.StatusCode, adapted.Response.StatusCode);
        Assert.Equal(direct.Response.ContentType, adapted.Response.ContentType);
        Assert.Equal(direct.Response.Headers.Location.ToString(), adapted.Response.Headers.Location.ToString());
        Assert.Equal(Body(direct), Body(adapted));
        Assert.NotEqual(string.Empty, Body(adapted));
    }

    [Fact]
    public async Task From_awaits_the_handler_and_wraps_its_result()
    {
        var result = TypedResults.Accepted("/api/exports/1");
        var action = await HttpResultAction.From(Task.FromResult<IResult>(result));
        Assert.Same(result, Assert.IsType<HttpResultAction>(action).Result);
    }

    [Fact]
    public async Task A_failing_handler_fails_the_invocation_rather_than_answering_200()
    {
        // The core's ApiGuard turns failures into problem results; anything that still escapes must reach the
        // worker as a failed invocation (a 500), not be swallowed into an empty success.
        await Assert.ThrowsAsync<InvalidOperationException>(() => HttpResultAction.From(Task.FromException<IResult>(new InvalidOperationException("boom"))));
    }

    private static IResult Make(string kind) => kind switch
    {
        "created" => TypedResults.Created("/api/events/bimtek-lampung-2023", new { id = "bimtek-lampung-2023", name = "Bimtek SPP-TIK Lampung" }),
        "problem" => TypedResults.Problem(statusCode: 400, title: "Invalid submission.", detail: "participantName is required."),
        "html" => TypedResults.Content("<p>Terima kasih</p>", "text/html; charset=utf-8", statusCode: 201),
        "bytes" => TypedResults.Bytes(Encoding.UTF8.GetBytes("{\"openapi\":\"3.0.3\"}"), "application/json"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // The same trace id on both sides: problem details carry it.
    private static DefaultHttpContext NewContext() => new()
    {
        TraceIdentifier = "0HNATTENDANCE:00000001",
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
