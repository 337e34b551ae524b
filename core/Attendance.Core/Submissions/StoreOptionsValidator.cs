using Microsoft.Extensions.Options;

namespace Attendance.Submissions;

/// <summary>Checks at start that both tables of <see cref="StoreOptions"/> have names Table Storage accepts.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.EventsTable, nameof(StoreOptions.EventsTable), Defaults.EventsTable, failures);
        Check(options.SubmissionsTable, nameof(StoreOptions.SubmissionsTable), Defaults.SubmissionsTable, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static readonly StoreOptions Defaults = new();

    private static void Check(string? table, string setting, string byDefault, List<string> failures)
    {
        if (!IsTableName(table))
        {
            failures.Add($"{StoreOptions.SectionName}:{setting} must be a table name: 3-63 letters or digits, starting with a letter; leave it unset for '{byDefault}'.");
        }
    }

    private static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
