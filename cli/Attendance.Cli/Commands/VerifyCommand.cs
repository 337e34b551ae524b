using System.CommandLine;
using Attendance.Export;
using Attendance.Submissions;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary>
/// <c>attendance verify</c>: reconciles the store with the live attendance table, prints the counts per event and
/// day and every difference, writes the CSV report for Power BI, reports attendance stored outside its event's
/// dates, and exits 1 on any difference or such attendance, on a counter behind its export mark, and on a counter
/// resumption no operator has acknowledged. <c>--acknowledge-resumption EVENT</c> records that an operator has
/// looked into the event's current resumption (asked the venue, re-entered what was lost); a later one counts again.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var acknowledge = new Option<string>("--acknowledge-resumption")
        {
            Description = "Record that the event's counter resumption (reported by verify) was looked into, so verify stops failing on it.",
        };
        var command = new Command("verify", CliHelp.Describe("Check that every exported submission is in the attendance table exactly once (exit code 1 if not), and write the report reports/reconciliation.csv to the export container.",
            "AttendanceStorage", "Store:EventsTable", "Store:SubmissionsTable", "Export:Container", "Export:PseudonymKey")) { acknowledge };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(acknowledge), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? acknowledgeEventId, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        if (acknowledgeEventId is not null)
        {
            var store = host.Services.GetRequiredService<SubmissionStore>();
            var resumption = await store.GetResumptionAsync(acknowledgeEventId, cancellationToken);
            if (resumption is null || !await store.AcknowledgeResumptionAsync(acknowledgeEventId, resumption.At, cancellationToken))
            {
                CliConsole.Out.MarkupLine($"[red]no resumption[/] is recorded for {Markup.Escape(acknowledgeEventId)}; nothing acknowledged");
                return 1;
            }

            CliConsole.Out.MarkupLine($"acknowledged: {Markup.Escape(acknowledgeEventId)} resumed after #{resumption.After} at {resumption.At:yyyy-MM-dd HH:mm} UTC");
        }

        var reconciliation = host.Services.GetRequiredService<Reconciliation>();
        var report = await reconciliation.RunAsync(cancellationToken);
        var outside = await reconciliation.FindOutsideEventDatesAsync(cancellationToken);

        var days = new Table().AddColumns("event", "session date", "in store", "in table");
        foreach (var day in report.Days)
        {
            var table = day.Store == day.Table ? day.Table.ToString() : $"[red]{day.Table}[/]";
            days.AddRow(Markup.Escape(day.EventId), day.SessionDate.ToString("yyyy-MM-dd"), day.Store.ToString(), table);
        }

        CliConsole.Out.Write(days);
        foreach (var finding in report.Findings)
        {
            CliConsole.Out.MarkupLine($"[red]{finding.Kind.ToString().ToLowerInvariant()}[/] {Markup.Escape(finding.EventId)} {finding.SessionDate:yyyy-MM-dd} {Markup.Escape(finding.SubmissionId)} (store {finding.Store}, table {finding.Table})");
        }

        foreach (var (eventId, pending) in report.PendingByEvent)
        {
            CliConsole.Out.MarkupLine($"{Markup.Escape(eventId)}: {pending} submissions not exported yet (the next run takes them).");
        }

        foreach (var (eventId, pending) in report.PendingChangesByEvent)
        {
            CliConsole.Out.MarkupLine($"{Markup.Escape(eventId)}: {pending} corrections, voids or erasures not applied yet (the next run applies them).");
        }

        foreach (var changes in report.ChangesBehind)
        {
            CliConsole.Out.MarkupLine($"[red]changes behind mark[/] {Markup.Escape(changes.EventId)}: the store counts {changes.Changes} changes, the export applied {changes.Mark} (change log lost with the submissions table?); the next export applies its new log and sets the mark back; records restored to their state before a change show as missing or outdated: make that change again");
        }

        foreach (var gap in report.Lost)
        {
            CliConsole.Out.MarkupLine($"[red]lost[/] {Markup.Escape(gap.EventId)}: submissions #{gap.From}-#{gap.To} ({gap.Count}) were numbered but are gone from the store; the export keeps this event's mark until they are restored");
        }

        foreach (var resumption in report.Resumptions)
        {
            CliConsole.Out.MarkupLine(resumption.Acknowledged
                ? $"counter resumed (acknowledged) {Markup.Escape(resumption.EventId)}: after #{resumption.After} at {resumption.At:yyyy-MM-dd HH:mm} UTC"
                : $"[red]counter resumed[/] {Markup.Escape(resumption.EventId)}: its counter was found missing at {resumption.At:yyyy-MM-dd HH:mm} UTC and numbering resumed after #{resumption.After}; sign-ins accepted after that number and before then, if any, were lost with the table. Once looked into: attendance verify --acknowledge-resumption {Markup.Escape(resumption.EventId)}");
        }

        foreach (var behind in report.Behind)
        {
            CliConsole.Out.MarkupLine($"[red]counter behind mark[/] {Markup.Escape(behind.EventId)}: counter {behind.Counter}, export mark {behind.Mark} (submissions table restored from an older copy?); the next export moves it up to the mark, and submissions numbered at or below the mark since are listed as missing");
        }

        foreach (var day in outside)
        {
            CliConsole.Out.MarkupLine($"[red]outside event dates[/] {Markup.Escape(day.EventId)} {day.SessionDate:yyyy-MM-dd}: {day.Attendances} attendances, the event runs {day.StartDate:yyyy-MM-dd} to {day.EndDate:yyyy-MM-dd}");
        }

        CliConsole.Out.MarkupLine(report.IsExact
            ? $"[green]Exact[/]: table version {report.TableVersion} holds every exported submission once, as the store holds it now. Report: blob {Reconciliation.ReportBlobName} in the export container"
            : $"[red]{report.Findings.Count + report.Lost.Count} differences[/]. Report: blob {Reconciliation.ReportBlobName} in the export container");
        if (outside.Count > 0)
        {
            CliConsole.Out.MarkupLine($"[red]{outside.Count} event days[/] hold attendance outside their event's dates.");
        }

        return report.IsClean && outside.Count == 0 ? 0 : 1;
    }
}
