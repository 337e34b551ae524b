using Attendance.Api;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attendance.Core.Tests.Api;

/// <summary>What reaches the one place failures become answers: never a 500 for input, races or lost tables.</summary>
public sealed class ApiGuardTests
{
    private readonly ApiGuard guard = new(NullLogger<ApiGuard>.Instance);

    public static TheoryData<string, Func<Exception>, int> Failures => new()
    {
        { "a body sent too slowly (Kestrel's verdict)", () => new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408), 408 },
        { "a stale ETag after every retry (another instance kept winning)", () => new RequestFailedException(412, "UpdateConditionNotSatisfied", "UpdateConditionNotSatisfied", null), 503 },
        { "a conflicting write after every retry", () => new RequestFailedException(409, "EntityAlreadyExists", "EntityAlreadyExists", null), 503 },
        { "an event save that lost the race ten times", () => new EventBusyException("bimtek", 10, new RequestFailedException(412, "stale")), 503 },
        { "a table found gone twice in a row", () => new RequestFailedException(404, "The table specified does not exist.", "TableNotFound", null), 503 },
        { "a table still being deleted", () => new RequestFailedException(409, "The specified table is being deleted.", "TableBeingDeleted", null), 503 },
        { "storage not answering", () => new RequestFailedException(0, "connection refused"), 503 },
        {
            "an export mark that cannot be read while a counter resumes (a Delta log that does not parse)",
            () => new Attendance.Submissions.ExportMarkUnavailableException("bimtek", new System.Text.Json.JsonException("not a delta log")),
            503
        },
        {
            "new dates leaving attendance outside",
            () => new EventDatesConflictException("bimtek", new DateOnly(2023, 6, 6), new DateOnly(2023, 6, 8), new Dictionary<DateOnly, int> { [new DateOnly(2023, 6, 5)] = 2 }),
            409
        },
        { "a bug", () => new InvalidOperationException("bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_gets_its_answer(string what, Func<Exception> failure, int status)
    {
        var result = await guard.RunAsync("Test", () => throw failure(), Ct);
        var actual = (result as IStatusCodeHttpResult)?.StatusCode;
        Assert.Equal((what, (int?)status), (what, actual));
    }

    [Fact]
    public async Task The_dates_conflict_names_the_days_on_both_date_fields()
    {
        var conflict = new EventDatesConflictException("bimtek", new DateOnly(2023, 6, 6), new DateOnly(2023, 6, 7),
            new Dictionary<DateOnly, int> { [new DateOnly(2023, 6, 8)] = 1, [new DateOnly(2023, 6, 5)] = 3 });
        var result = await guard.RunAsync("PutEvent", () => throw conflict, Ct);
        var problem = Assert.IsType<HttpValidationProblemDetails>(((Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)result).ProblemDetails);
        Assert.Equal(409, problem.Status);
        foreach (var field in new[] { "startDate", "endDate" })
        {
            Assert.Contains("2023-06-05 (3 attendances), 2023-06-08 (1 attendance)", Assert.Single(problem.Errors[field]), StringComparison.Ordinal);
        }
    }
}
