using System.Security.Cryptography;
using Attendance.Auth;
using Attendance.Export;
using Attendance.Storage;

namespace Attendance.Cli.Commands;

/// <summary>
/// What the <c>attendance</c> command assumes on a developer's machine, so <c>serve</c>, <c>export</c> and
/// <c>verify</c> work as typed beside <c>./run.sh</c>: storage is the local emulator unless configured, and on the
/// emulator the pseudonym key is the one kept in <c>.data/pseudonym-key</c> (made once, never committed). Against
/// real storage nothing is assumed: a missing pseudonym key there must fail, or participants would get new keys.
/// <c>serve</c> also keeps its keys there (<see cref="ForServer"/>).
/// </summary>
internal static class LocalDefaults
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// Where local data lives: <c>ATTENDANCE_DATA</c> if set, else <c>.data</c> in the repository (the nearest folder
    /// above the current one holding <c>Attendance.slnx</c>, since <c>dotnet run --project</c> starts in the project's
    /// folder), else <c>.data</c> in the current folder.
    /// </summary>
    public static string DataDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ATTENDANCE_DATA") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Attendance.slnx")))
                {
                    return Path.Combine(folder.FullName, ".data");
                }
            }

            return Path.Combine(Environment.CurrentDirectory, ".data");
        }
    }

    /// <summary>The settings to add under <paramref name="configuration"/>: only ones it leaves unset.</summary>
    public static Dictionary<string, string?> For(IConfiguration configuration)
    {
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var storage = configuration.GetSection(StorageOptions.SectionName);
        var connectionString = StorageOptions.ConnectionStringOf(storage);
        if (string.IsNullOrWhiteSpace(connectionString) && storage["tableServiceUri"] is null && storage["blobServiceUri"] is null)
        {
            defaults[StorageOptions.SectionName] = connectionString = DevelopmentStorage;
        }

        var pseudonymKey = $"{ExportOptions.SectionName}:{nameof(ExportOptions.PseudonymKey)}";
        if (IsEmulator(connectionString) && string.IsNullOrWhiteSpace(configuration[pseudonymKey]))
        {
            defaults[pseudonymKey] = LocalSecretFile.ReadOrCreate(Path.Combine(DataDirectory, "pseudonym-key"), NewPseudonymKey).Value;
        }

        return defaults;
    }

    /// <summary>
    /// <see cref="For"/> and, for <c>attendance serve</c>, the local server's keys where <c>Auth:FunctionKey</c> or
    /// <c>Auth:AdminKey</c> is unset: read from <c>.data/function-key</c> and <c>.data/admin-key</c>, made there the
    /// first time, so a bookmarked <c>&amp;code=</c> link works after a restart. Adds to <paramref name="kept"/> each
    /// key taken from a file, for the start-up lines. With <c>NO_COLOR</c> set, the log lines are written without colours.
    /// </summary>
    public static Dictionary<string, string?> ForServer(IConfiguration configuration, ICollection<KeptKey> kept)
    {
        var defaults = For(configuration);
        foreach (var (name, file) in ServerKeyFiles)
        {
            var setting = $"{AuthOptions.SectionName}:{name}";
            if (string.IsNullOrWhiteSpace(configuration[setting]))
            {
                var path = Path.Combine(DataDirectory, file);
                var (key, made) = LocalSecretFile.ReadOrCreate(path, LocalKeys.NewKey);
                defaults[setting] = key;
                kept.Add(new KeptKey(setting.Replace(":", "__", StringComparison.Ordinal), key, path, made));
            }
        }

        // The console logger leaves out colours when output is redirected, but knows nothing of NO_COLOR.
        const string logColours = "Logging:Console:FormatterOptions:ColorBehavior";
        if (CliConsole.NoColor && string.IsNullOrWhiteSpace(configuration[logColours]))
        {
            defaults[logColours] = "Disabled";
        }

        return defaults;
    }

    /// <summary>The local server's key settings and the files in <see cref="DataDirectory"/> that keep them.</summary>
    private static readonly (string Setting, string File)[] ServerKeyFiles =
    [
        (nameof(AuthOptions.FunctionKey), "function-key"),
        (nameof(AuthOptions.AdminKey), "admin-key"),
    ];

    private static string NewPseudonymKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static bool IsEmulator(string? connectionString) =>
        connectionString is not null
        && (connectionString.Contains(DevelopmentStorage, StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A key of the local server read from, or made in, <paramref name="Path"/>; <paramref name="Setting"/> as an environment variable.</summary>
internal sealed record KeptKey(string Setting, string Key, string Path, bool Made);
