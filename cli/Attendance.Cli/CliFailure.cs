using System.Text.RegularExpressions;
using Attendance.Api;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Attendance.Cli;

/// <summary>The failures a person at the terminal can fix, told in one line instead of a stack trace.</summary>
internal static partial class CliFailure
{
    /// <summary>The exit code of a failure explained here; 1 stays "verify found differences".</summary>
    public const int ExitCode = 2;

    /// <summary>The exit code of a command stopped with Ctrl+C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// One line for a configuration mistake, refused credentials or unreachable storage; null for anything else (a bug:
    /// let it show). Only setting names and error codes are printed, never a setting's value or a service's message,
    /// which can quote a connection string.
    /// </summary>
    public static string? Explain(Exception ex) => ex switch
    {
        // Already one line that names the setting and the way out, never the key.
        Attendance.Export.PseudonymKeyMismatchException mismatch => mismatch.Message,
        Attendance.Export.LakeFolderNotEmptyException notEmpty => notEmpty.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } =>
            "attendance: that address is already in use (another server, perhaps ./run.sh, listens there): stop it, or choose another with --urls (run.sh: URLS=http://127.0.0.1:7072 ./run.sh).",
        OptionsValidationException invalid => $"attendance: configuration error: {string.Join(" ", invalid.Failures)}",
        // Start-up checks of several options types that fail together arrive as one AggregateException.
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            $"attendance: configuration error: {string.Join(" ", aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures))}",
        InvalidOperationException when SettingOf(ex.Message) is { } setting =>
            $"attendance: configuration error: '{setting}' has a value of the wrong type (docs/configuration.md gives each setting's form).",
        AuthenticationFailedException or CredentialUnavailableException =>
            "attendance: no token for storage: log in with 'az login', or check AttendanceStorage__clientId (docs/configuration.md).",
        RequestFailedException { Status: 401 or 403 } refused =>
            $"attendance: storage refused the credentials ({refused.ErrorCode ?? refused.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}): check the account key in AttendanceStorage, or the identity's roles.",
        _ when ApiGuard.IsStorageOutage(ex, CancellationToken.None) =>
            "attendance: storage does not answer. Locally, start ./run.sh (it starts the Azurite emulator); otherwise check AttendanceStorage (docs/configuration.md).",
        _ => null,
    };

    /// <summary>The setting named by the configuration binder's "Failed to convert configuration value ... at 'X'" message.</summary>
    private static string? SettingOf(string message) =>
        BinderFailure().Match(message) is { Success: true } match ? match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal) : null;

    [GeneratedRegex(@"^Failed to convert configuration value .* at '([^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
