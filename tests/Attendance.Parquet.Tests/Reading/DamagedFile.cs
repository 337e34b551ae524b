using Attendance.Parquet.Reading;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Reads every column of a damaged file and tells whether it failed in a way other than a Parquet error.</summary>
internal static class DamagedFile
{
    public static void ReadEverything(byte[] file)
    {
        var reader = ParquetFileReader.Open(file);
        foreach (var column in reader.Columns.Where(c => c.Type is not null))
        {
            ReadColumns.Canonical(reader, column.Name);
        }
    }

    /// <summary>Null when the file reads or is refused as corrupt or unsupported; otherwise the exception that escaped.</summary>
    public static string? UnexpectedFailure(byte[] damaged)
    {
        try
        {
            ReadEverything(damaged);
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            return null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
