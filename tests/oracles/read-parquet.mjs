// Reads Parquet files with three independent readers and prints, for each file, one JSON object that the
// C# tests compare with what they wrote. Usage: node tests/oracles/read-parquet.mjs FILE...
// Values are printed in one canonical form whatever the reader: strings as strings, INT32/DOUBLE as numbers
// (non-finite doubles as strings), INT64 as decimal strings, DATE as days since 1970-01-01, TIMESTAMP as
// microseconds since the epoch in a decimal string, booleans as booleans, nulls as null.
import { readFile } from 'node:fs/promises';
import { readDuckDb } from './duckdb-reader.mjs';
import { readArrowRs } from './arrow-rs-reader.mjs';
import { readHyparquet } from './hyparquet-reader.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/oracles/read-parquet.mjs FILE...');
  process.exit(2);
}

const results = [];
for (const file of files) {
  const bytes = new Uint8Array(await readFile(file));
  results.push({
    file,
    duckdb: await readDuckDb(file),
    arrowRs: await readArrowRs(bytes),
    hyparquet: await readHyparquet(bytes),
  });
}

process.stdout.write(JSON.stringify(results, (_, value) => {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}));
