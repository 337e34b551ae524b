namespace Attendance.Cli.Commands;

/// <summary>
/// A secret the <c>attendance</c> command keeps in <c>.data/</c> (git ignores it): read when the file holds one, else
/// made once and written readable and writable by its owner only (0600).
/// </summary>
internal static class LocalSecretFile
{
    /// <summary>The secret in <paramref name="path"/>, and whether this call made it with <paramref name="make"/>.</summary>
    public static (string Value, bool Made) ReadOrCreate(string path, Func<string> make)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = make();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            file.Write(value);
            return (value, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another command made it first (serve and export started together), or an empty file was left: use a
            // value that is there, else replace the empty file.
            if (File.ReadAllText(path).Trim() is { Length: > 0 } theirs)
            {
                return (theirs, false);
            }

            File.Delete(path);
            return ReadOrCreate(path, make);
        }
    }
}
