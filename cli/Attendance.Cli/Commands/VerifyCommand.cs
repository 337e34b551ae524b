using System.CommandLine;
using Attendance.Export;
using Spectre.Console;

namespace Attendance.Cli.Commands;

/// <summary>
/// <c>attendance verify</c>: reconciles the store with the live attendance table, prints the counts per event and
/// day and every difference, writes the CSV report for Power BI, reports attendance stored outside its event's
/// dates, and exits 1 on any difference or such attendance.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Check that every exported submission is in the attendance table exactly once (exit code 1 if not).");
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var reconciliation = host.Services.GetRequiredService<Reconciliation>();
        var report = await reconciliation.RunAsync(cancellationToken);
        var outside = await reconciliation.FindOutsideEventDatesAsync(cancellationToken);

        var days = new Table().AddColumns("event", "session date", "in store", "in table");
        foreach (var day in report.Days)
        {
            var table = day.Store == day.Table ? day.Table.ToString() : $"[red]{day.Table}[/]";
            days.AddRow(Markup.Escape(day.EventId), day.SessionDate.ToString("yyyy-MM-dd"), day.Store.ToString(), table);
        }

        AnsiConsole.Write(days);
        foreach (var finding in report.Findings)
        {
            AnsiConsole.MarkupLine($"[red]{finding.Kind.ToString().ToLowerInvariant()}[/] {Markup.Escape(finding.EventId)} {finding.SessionDate:yyyy-MM-dd} {Markup.Escape(finding.SubmissionId)} (store {finding.Store}, table {finding.Table})");
        }

        foreach (var (eventId, pending) in report.PendingByEvent)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(eventId)}: {pending} submissions not exported yet (the next run takes them).");
        }

        foreach (var gap in report.Lost)
        {
            AnsiConsole.MarkupLine($"[red]lost[/] {Markup.Escape(gap.EventId)}: submissions #{gap.From}-#{gap.To} ({gap.Count}) were numbered but are gone from the store; the export keeps this event's mark until they are restored");
        }

        foreach (var resumption in report.Resumptions)
        {
            AnsiConsole.MarkupLine($"[yellow]counter resumed[/] {Markup.Escape(resumption.EventId)}: its counter was found missing at {resumption.At:yyyy-MM-dd HH:mm} UTC and numbering resumed after #{resumption.After}; sign-ins accepted after that number and before then, if any, were lost with the table");
        }

        foreach (var day in outside)
        {
            AnsiConsole.MarkupLine($"[red]outside event dates[/] {Markup.Escape(day.EventId)} {day.SessionDate:yyyy-MM-dd}: {day.Attendances} attendances, the event runs {day.StartDate:yyyy-MM-dd} to {day.EndDate:yyyy-MM-dd}");
        }

        AnsiConsole.MarkupLine(report.IsExact
            ? $"[green]Exact[/]: table version {report.TableVersion} holds every exported submission once. Report: blob {Reconciliation.ReportBlobName} in the export container"
            : $"[red]{report.Findings.Count + report.Lost.Count} differences[/]. Report: blob {Reconciliation.ReportBlobName} in the export container");
        if (outside.Count > 0)
        {
            AnsiConsole.MarkupLine($"[red]{outside.Count} event days[/] hold attendance outside their event's dates.");
        }

        return report.IsExact && outside.Count == 0 ? 0 : 1;
    }
}
