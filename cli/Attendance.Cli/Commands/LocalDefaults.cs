using System.Security.Cryptography;
using Attendance.Export;
using Attendance.Storage;

namespace Attendance.Cli.Commands;

/// <summary>
/// What the <c>attendance</c> command assumes on a developer's machine, so <c>serve</c>, <c>export</c> and
/// <c>verify</c> work as typed beside <c>./run.sh</c>: storage is the local emulator unless configured, and on the
/// emulator the pseudonym key is the one kept in <c>.data/pseudonym-key</c> (made once, never committed). Against
/// real storage nothing is assumed: a missing pseudonym key there must fail, or participants would get new keys.
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
            defaults[pseudonymKey] = ReadOrCreateKey(Path.Combine(DataDirectory, "pseudonym-key"));
        }

        return defaults;
    }

    private static bool IsEmulator(string? connectionString) =>
        connectionString is not null
        && (connectionString.Contains(DevelopmentStorage, StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));

    /// <summary>The key in <paramref name="path"/>; made there (readable by the owner only) the first time.</summary>
    private static string ReadOrCreateKey(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            file.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another command made it first (serve and export started together): use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
