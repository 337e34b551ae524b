using System.Text.Json;
using Attendance.Testing;

namespace Attendance.Parquet.Tests.Reading;

/// <summary>Has DuckDB write every file of <see cref="DuckDbFiles"/> in one node run (start-up dominates) and keeps each file's bytes and DuckDB's reading.</summary>
public sealed class DuckDbFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attendance-parquet-reader-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyDictionary<string, (byte[] Bytes, JsonElement DuckDb)> Files { get; private set; } = new Dictionary<string, (byte[], JsonElement)>();

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_folder);
        var specs = DuckDbFiles.All.Select(f => new { file = Path.Combine(_folder, f.Name + ".parquet"), sql = f.Sql, options = f.Options, arrowRs = f.ArrowRs }).ToList();
        var specPath = Path.Combine(_folder, "spec.json");
        await File.WriteAllTextAsync(specPath, JsonSerializer.Serialize(specs, SpecJson), cancellationToken);
        var output = await NodeProcess.RunAsync("tests/oracles/duckdb-write.mjs", [specPath], Timeout, cancellationToken);
        using var document = JsonDocument.Parse(output);
        var results = document.RootElement.EnumerateArray().ToList();
        var files = new Dictionary<string, (byte[], JsonElement)>();
        for (var i = 0; i < specs.Count; i++)
        {
            files[DuckDbFiles.All[i].Name] = (await File.ReadAllBytesAsync(specs[i].file, cancellationToken), results[i].Clone());
        }

        Files = files;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
