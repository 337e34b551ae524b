// DuckDB reference for the Parquet writer benchmark. Loads the CSV written by
// `dotnet run ... -- parquet --csv FILE` into a table (untimed), then times
// COPY ... TO ... (FORMAT parquet, COMPRESSION snappy) with 1 thread and with DuckDB's default threads.
// Usage: node bench/duckdb-copy.mjs --csv FILE --out-dir DIR [--runs 3]
// Prints one JSON line per run: {"threads","run","rows","seconds","bytes"}.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const { values: args } = parseArgs({ options: { csv: { type: 'string' }, 'out-dir': { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (!args.csv || !args['out-dir']) {
  console.error('usage: node bench/duckdb-copy.mjs --csv FILE --out-dir DIR [--runs 3]');
  process.exit(2);
}

const columns = {
  submission_id: 'VARCHAR', event_id: 'VARCHAR', session_date: 'DATE', participant_key: 'VARCHAR', full_name: 'VARCHAR',
  gender: 'VARCHAR', institution: 'VARCHAR', institution_type: 'VARCHAR', position: 'VARCHAR', province_code: 'VARCHAR',
  province_name: 'VARCHAR', regency_code: 'VARCHAR', regency_name: 'VARCHAR', check_in_at: 'TIMESTAMPTZ',
  received_at: 'TIMESTAMPTZ', source: 'VARCHAR',
};
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const columnSpec = `{${Object.entries(columns).map(([name, type]) => `${quote(name)}: ${quote(type)}`).join(', ')}}`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
await connection.run(`CREATE TABLE attendance AS SELECT * FROM read_csv(${quote(args.csv)}, header = true, columns = ${columnSpec})`);
const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM attendance')).getRowObjectsJS()[0].n);
const defaultThreads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0].t;

for (const threads of [1, Number(defaultThreads)]) {
  await connection.run(`SET threads = ${threads}`);
  for (let run = 1; run <= Number(args.runs); run++) {
    const file = join(args['out-dir'], `duckdb-${threads}t.parquet`);
    const started = process.hrtime.bigint();
    await connection.run(`COPY attendance TO ${quote(file)} (FORMAT parquet, COMPRESSION snappy)`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ threads, run, rows, seconds: Number(seconds.toFixed(3)), bytes: (await stat(file)).size }));
  }
}
