namespace Attendance.Testing;

/// <summary>Locates the repository checkout the tests run from, so fixtures find node_modules and shared data.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the folder that holds <c>Attendance.slnx</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attendance.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Attendance.slnx above {AppContext.BaseDirectory}.");
    }
}
