using System.CommandLine;
using Attendance.Cli.Commands;

var root = new RootCommand("attendance: the attendance-analytics backend on this machine (local API server and admin commands).");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
return await root.Parse(args).InvokeAsync();
