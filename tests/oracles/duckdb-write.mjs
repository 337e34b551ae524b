// Writes Parquet files with DuckDB, an independent writer, and prints what DuckDB reads back from each, so the
// C# reader's output can be compared value by value. Usage: node tests/oracles/duckdb-write.mjs SPEC.json
// SPEC.json is an array of { "file": path, "sql": a SELECT, "options": COPY options after FORMAT parquet, e.g.
// "COMPRESSION gzip, ROW_GROUP_SIZE 1000" }. Output: a JSON array, per file, of readDuckDb's result (values in the
// canonical form of duckdb-reader.mjs: DATE as days since 1970-01-01, TIMESTAMP* as epoch microseconds in a
// decimal string, BIGINT as a decimal string, non-finite doubles as strings).
// DuckDB 1.5 writes only v1 data pages (even with PARQUET_VERSION V2) and closes pages late, so a spec may add
// "arrowRs": { "writerVersion": "V1"|"V2", "compression": "SNAPPY"|"GZIP"|"UNCOMPRESSED", "encoding": "PLAIN"|...,
// "dictionary": bool, "dataPageSizeLimit": bytes, "writeBatchSize": rows, "maxRowGroupSize": rows }: arrow-rs
// (parquet-wasm) then rewrites DuckDB's file with those settings, and DuckDB reads back arrow-rs's file.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { readDuckDb } from './duckdb-reader.mjs';

const wasm = createRequire(import.meta.url)('parquet-wasm/node');

const [specPath] = process.argv.slice(2);
if (!specPath) {
  console.error('usage: node tests/oracles/duckdb-write.mjs SPEC.json');
  process.exit(2);
}

const specs = JSON.parse(await readFile(specPath, 'utf8'));
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

async function rewriteWithArrowRs(file, settings) {
  let builder = new wasm.WriterPropertiesBuilder();
  if (settings.writerVersion) builder = builder.setWriterVersion(wasm.WriterVersion[settings.writerVersion]);
  if (settings.compression) builder = builder.setCompression(wasm.Compression[settings.compression]);
  if (settings.encoding) builder = builder.setEncoding(wasm.Encoding[settings.encoding]);
  if (settings.dictionary !== undefined) builder = builder.setDictionaryEnabled(settings.dictionary);
  if (settings.dataPageSizeLimit) builder = builder.setDataPageSizeLimit(settings.dataPageSizeLimit);
  if (settings.writeBatchSize) builder = builder.setWriteBatchSize(settings.writeBatchSize);
  if (settings.maxRowGroupSize) builder = builder.setMaxRowGroupSize(settings.maxRowGroupSize);
  const table = wasm.readParquet(new Uint8Array(await readFile(file)));
  await writeFile(file, wasm.writeParquet(table, builder.build()));
}

const results = [];
for (const spec of specs) {
  const options = spec.options ? `, ${spec.options}` : '';
  await connection.run(`COPY (${spec.sql}) TO ${quote(spec.file)} (FORMAT parquet${options})`);
  if (spec.arrowRs) await rewriteWithArrowRs(spec.file, spec.arrowRs);
  results.push(await readDuckDb(spec.file));
}

process.stdout.write(JSON.stringify(results, (_, value) => {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}));
