using Attendance.Api;
using Microsoft.Extensions.Options;

namespace Attendance.Cli;

/// <summary>The failures a person at the terminal can fix, told in one line instead of a stack trace.</summary>
internal static class CliFailure
{
    /// <summary>The exit code of a failure explained here; 1 stays "verify found differences".</summary>
    public const int ExitCode = 2;

    /// <summary>One line for a configuration mistake or unreachable storage; null for anything else (a bug: let it show).</summary>
    public static string? Explain(Exception ex) => ex switch
    {
        // Validation messages name settings, never their values.
        // Already one line that names the setting and the way out, never the key.
        Attendance.Export.PseudonymKeyMismatchException mismatch => mismatch.Message,
        OptionsValidationException invalid => $"attendance: configuration error: {string.Join(" ", invalid.Failures)}",
        _ when ApiGuard.IsStorageOutage(ex, CancellationToken.None) =>
            "attendance: storage does not answer. Locally, start ./run.sh (it starts the Azurite emulator); otherwise check AttendanceStorage (docs/configuration.md).",
        _ => null,
    };
}
