namespace Attendance.Parquet.Tests.Oracles;

/// <summary>Writes every scenario once and reads them all in a single oracle run shared by the tests of a class.</summary>
public sealed class OracleFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attendance-parquet-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyDictionary<string, OracleReading> Readings { get; private set; } = new Dictionary<string, OracleReading>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var files = new List<(ExportScenario, string, long)>();
        foreach (var scenario in Scenarios.All)
        {
            var path = Path.Combine(_folder, scenario.Name + ".parquet");
            // Written as the export writes a blob: forward only, no seeking, no length.
            var stream = new WriteOnlyStream();
            var rows = (await scenario.WriteAsync(stream, Ct)).Rows;
            await File.WriteAllBytesAsync(path, stream.Received, Ct);
            files.Add((scenario, path, rows));
        }

        var readings = await ParquetOracle.ReadAsync(files, Ct);
        Readings = readings.ToDictionary(r => r.Scenario.Name);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
