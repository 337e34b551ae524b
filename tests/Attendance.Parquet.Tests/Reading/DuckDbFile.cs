namespace Attendance.Parquet.Tests.Reading;

/// <summary>
/// A Parquet file for DuckDB to write: COPY (<paramref name="Sql"/>) TO file (FORMAT parquet, <paramref name="Options"/>),
/// then, when <paramref name="ArrowRs"/> is set, rewritten by arrow-rs with those settings (tests/oracles/duckdb-write.mjs).
/// </summary>
public sealed record DuckDbFile(string Name, string Sql, string Options, ArrowRsRewrite? ArrowRs = null);
