namespace Attendance.Export;

/// <summary>The nightly export's settings (section <c>Export</c>), checked at start by <see cref="ExportOptionsValidator"/>.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Export";

    /// <summary>
    /// What App Service leaves as a setting's value when it cannot resolve a Key Vault reference. Long enough to
    /// pass as a key, so it is refused explicitly: pseudonyms made with it would be silently wrong.
    /// </summary>
    public const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>The shortest <see cref="PseudonymKey"/> the export accepts.</summary>
    public const int MinimumPseudonymKeyLength = 32;

    /// <summary>The blob container holding the Delta tables <c>attendance/</c>, <c>events/</c>, <c>regions/</c>. Default <c>analytics</c>.</summary>
    public string Container { get; set; } = "analytics";

    /// <summary>
    /// Secret key of the pseudonymous participant key (HMAC-SHA256 of the participant's identity), at least
    /// <see cref="MinimumPseudonymKeyLength"/> characters. Keep it stable: changing it changes every participant key. No default; never logged.
    /// </summary>
    public string PseudonymKey { get; set; } = string.Empty;

    /// <summary>The key's bytes as the HMACs take them: every place that derives from the key reads them here.</summary>
    public byte[] PseudonymSecret() => System.Text.Encoding.UTF8.GetBytes(PseudonymKey);

    /// <summary>Whether the attendance table carries <c>full_name</c>. Default false: analytics carry only the pseudonymous key.</summary>
    public bool IncludeNames { get; set; }

    /// <summary>
    /// How long a data file removed from a table (replaced, compacted or rebuilt) stays in storage before a run
    /// deletes it, so a reader still on an older version (a Power BI refresh under way) can open it. Default 7 days
    /// (<c>7.00:00:00</c>), Delta's own; 0 deletes removed files at the next run. Recorded in each table as
    /// <c>delta.deletedFileRetentionDuration</c>.
    /// </summary>
    public TimeSpan RemovedFileRetention { get; set; } = Attendance.Delta.DeltaTableProperties.DefaultDeletedFileRetention;
}
