using System.Text.Json;

namespace Attendance.Parquet.Tests.Oracles;

/// <summary>What DuckDB, arrow-rs and hyparquet reported for one file (see tests/oracles/read-parquet.mjs).</summary>
public sealed record OracleReading(ParquetScenario Scenario, string Path, long FileLength, JsonElement DuckDb, JsonElement ArrowRs, JsonElement Hyparquet);
