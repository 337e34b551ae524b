// Times DuckDB reading every row of the given Parquet files (a Delta table's live files, as an engine reading the
// table would): one read_parquet over all of them, every column materialized. Prints {"seconds":s,"rows":n}.
// Usage: node bench/duckdb-read-table.mjs FILE...
import { DuckDBInstance } from '@duckdb/node-api';

const files = process.argv.slice(2);
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
const started = process.hrtime.bigint();
const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet([${list}])`);
const rows = reader.currentRowCount;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ seconds, rows }));
