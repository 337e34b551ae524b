using System.Globalization;
using Attendance.Events;
using Attendance.Venue;
using Attendance.Organizer;
using Attendance.Submissions;
using Microsoft.AspNetCore.Http;

namespace Attendance.Api;

/// <summary>
/// <c>GET /api/events/{eventId}/attendance</c> (function key): the organizer's desk. With <c>date=YYYY-MM-DD</c> who
/// signed in that day; without, the whole event by participant. <c>format=json</c> (default), <c>xlsx</c> for Excel,
/// <c>csv</c> for any spreadsheet or script, <c>html</c> for printing. Contact details appear here, behind the key, and nowhere in analytics.
/// </summary>
public sealed class AttendanceApi(EventStore events, AttendanceReader reader, ApiGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, string eventId, CancellationToken cancellationToken) =>
        guard.RunAsync(ApiRoutes.GetAttendance.Name, async () =>
        {
            if (!Identifiers.IsValid(eventId))
            {
                return ApiProblems.Invalid("eventId", Identifiers.Rule);
            }

            var format = request.Query["format"].FirstOrDefault() ?? "json";
            if (format is not ("json" or "xlsx" or "csv" or "html"))
            {
                return ApiProblems.Invalid("format", "must be json (the default), xlsx, csv or html.");
            }

            DateOnly? date = null;
            if (request.Query["date"].FirstOrDefault() is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return ApiProblems.Invalid("date", "must be a date as YYYY-MM-DD, e.g. 2023-06-05.");
                }

                date = parsed;
            }

            var trainingEvent = await events.GetAsync(eventId, cancellationToken);
            if (trainingEvent is null)
            {
                return ApiProblems.NotFound($"No event '{eventId}' is registered.");
            }

            if (date is { } day && !trainingEvent.Includes(day))
            {
                return ApiProblems.Invalid("date",
                    $"must lie within the event's dates, {trainingEvent.StartDate:yyyy-MM-dd} to {trainingEvent.EndDate:yyyy-MM-dd}.");
            }

            var stored = new List<StoredSubmission>();
            await foreach (var submission in reader.ReadAsync(eventId, date, cancellationToken))
            {
                stored.Add(submission);
            }

            var name = date is { } d ? $"daftar-hadir-{eventId}-{d:yyyy-MM-dd}" : $"rekap-kehadiran-{eventId}";
            return SecurityHeaders.Add(date is { } on
                ? await AnswerAsync(AttendanceLists.Day(trainingEvent, on, stored), format, name,
                    AttendanceTables.Day, list => AttendanceSheetPage.Day(list, on), cancellationToken)
                : await AnswerAsync(AttendanceLists.Whole(trainingEvent, stored), format, name,
                    AttendanceTables.Whole, sheet => AttendanceSheetPage.Whole(sheet, trainingEvent.StartDate, trainingEvent.EndDate), cancellationToken));
        }, cancellationToken);

    private static async Task<IResult> AnswerAsync<T>(
        T list, string format, string fileName, Func<T, ListTable> table, Func<T, string> html, CancellationToken cancellationToken) => format switch
    {
        "xlsx" => TypedResults.File(await AttendanceXlsx.WriteAsync(table(list), cancellationToken), AttendanceXlsx.ContentType, fileName + ".xlsx"),
        "csv" => TypedResults.File(AttendanceCsv.Write(table(list)), "text/csv; charset=utf-8", fileName + ".csv"),
        "html" => TypedResults.Content(html(list), "text/html; charset=utf-8"),
        _ => TypedResults.Ok(list),
    };
}
