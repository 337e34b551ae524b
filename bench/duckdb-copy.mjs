// DuckDB reference for the Parquet writer benchmark. Loads the CSV written by
// `dotnet run ... -- parquet --csv FILE` into a table (untimed), then times
// COPY ... TO ... (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE R) with 1 thread and with DuckDB's default threads.
// The CSV quotes every text and leaves nulls unquoted and empty; allow_quoted_nulls = false keeps "" an empty string.
// Usage: node bench/duckdb-copy.mjs --csv FILE --out-dir DIR [--runs 3] [--row-group-size 131072] [--threads 1]
// Prints one JSON line per run: {"threads","run","rows","rowGroupRows","seconds","cpuSeconds","bytes","rssBeforeBytes","peakMemoryBytes"}.
// cpuSeconds is this process's user+system CPU during the COPY (all DuckDB threads). Memory is the process's: the
// loaded table is resident before the COPY (rssBeforeBytes), and peakMemoryBytes is VmHWM during the COPY alone
// (reset first through /proc/self/clear_refs), so the COPY's own cost is the difference.
import { readFileSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const { values: args } = parseArgs({ options: {
  csv: { type: 'string' }, 'out-dir': { type: 'string' }, runs: { type: 'string', default: '3' },
  'row-group-size': { type: 'string', default: '131072' }, threads: { type: 'string' },
}  });
if (!args.csv || !args['out-dir']) {
  console.error('usage: node bench/duckdb-copy.mjs --csv FILE --out-dir DIR [--runs 3] [--row-group-size 131072] [--threads 1]');
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
await connection.run(`CREATE TABLE attendance AS SELECT * FROM read_csv(${quote(args.csv)}, header = true, allow_quoted_nulls = false, columns = ${columnSpec})`);
const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM attendance')).getRowObjectsJS()[0].n);
const defaultThreads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0].t;

const statusKilobytes = (field) => Number(readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]);
const rowGroupRows = Number(args['row-group-size']);
const threadCounts = args.threads ? [Number(args.threads)] : [1, Number(defaultThreads)];

for (const threads of threadCounts) {
  await connection.run(`SET threads = ${threads}`);
  for (let run = 1; run <= Number(args.runs); run++) {
    const file = join(args['out-dir'], `duckdb-${threads}t.parquet`);
    const rssBeforeBytes = statusKilobytes('VmRSS') * 1024;
    writeFileSync('/proc/self/clear_refs', '5');
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await connection.run(`COPY attendance TO ${quote(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${rowGroupRows})`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    console.log(JSON.stringify({
      threads, run, rows, rowGroupRows, seconds: Number(seconds.toFixed(3)), cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)),
      bytes: (await stat(file)).size, rssBeforeBytes, peakMemoryBytes: statusKilobytes('VmHWM') * 1024,
    }));
  }
}
