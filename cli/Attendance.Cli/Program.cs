using System.CommandLine;
using Attendance.Cli;
using Attendance.Cli.Commands;

var root = new RootCommand("attendance: the attendance-analytics backend on this machine (local API server and admin commands).");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(RebuildCommand.Create());
root.Subcommands.Add(CleanUpCommand.Create());
root.Subcommands.Add(LakeCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    // Ctrl+C: the command stopped where it was; nothing half-written is left (exports commit atomically).
    return CliFailure.Interrupted;
}
catch (Exception ex) when (CliFailure.Explain(ex) is { } line)
{
    Console.Error.WriteLine(line);
    return CliFailure.ExitCode;
}
