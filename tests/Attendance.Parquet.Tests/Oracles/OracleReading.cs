using System.Text.Json;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>What DuckDB, arrow-rs and hyparquet reported for one file (see tests/oracles/read-parquet.mjs).</summary>
public sealed record OracleReading(ExportScenario Scenario, string Path, long FileLength, long RowsWritten, JsonElement DuckDb, JsonElement ArrowRs, JsonElement Hyparquet);
