using Spectre.Console;

namespace Attendance.Cli;

/// <summary>
/// The console every command writes its results to. On a terminal: colours, the terminal's width and the export's
/// progress display. When standard output is redirected (a file, a pipe, a scheduled job's log) or <c>NO_COLOR</c> is
/// set (no-color.org): plain text, no ANSI escape codes at all. Redirected, a line is also never wrapped (there is no
/// width to wrap at) and nothing is redrawn.
/// </summary>
internal static class CliConsole
{
    /// <summary>Whether standard output is a terminal a person watches (not redirected).</summary>
    public static bool IsTerminal { get; } = !Console.IsOutputRedirected;

    /// <summary>Whether <c>NO_COLOR</c> is set to anything but empty, the no-color.org convention.</summary>
    public static bool NoColor { get; } = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    /// <summary>Where results go: standard output, with or without escape codes as above.</summary>
    public static IAnsiConsole Out { get; } = Create();

    private static IAnsiConsole Create()
    {
        var plain = !IsTerminal || NoColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (!IsTerminal)
        {
            // Redirected output has no width: Spectre would assume 80 columns and break sentences there.
            console.Profile.Width = int.MaxValue / 2;
        }

        return console;
    }
}
