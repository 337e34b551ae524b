// Reads a Delta Lake table folder the way an analytics engine would, independently of the product's code:
// replays _delta_log/*.json (protocol, metaData, add, remove, txn), then reads every live file with DuckDB,
// arrow-rs (parquet-wasm) and hyparquet, and prints one JSON object: the log's state and, per reader, the
// table's columns concatenated over the live files (values in read-parquet.mjs's canonical form).
// Usage: node tests/oracles/read-delta.mjs TABLE_FOLDER
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDuckDb } from './duckdb-reader.mjs';
import { readArrowRs } from './arrow-rs-reader.mjs';
import { readHyparquet } from './hyparquet-reader.mjs';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node tests/oracles/read-delta.mjs TABLE_FOLDER');
  process.exit(2);
}

const logFolder = join(folder, '_delta_log');
const commits = (await readdir(logFolder)).filter((n) => /^\d{20}\.json$/.test(n)).sort();
const state = { version: -1, protocol: null, metaData: null, files: new Map(), txn: {} };
for (const name of commits) {
  const version = Number(name.slice(0, 20));
  if (version !== state.version + 1) throw new Error(`log gap: ${name} after version ${state.version}`);
  const text = await readFile(join(logFolder, name), 'utf8');
  for (const line of text.split('\n').filter((l) => l.trim().length > 0)) {
    const action = JSON.parse(line);
    const kinds = Object.keys(action);
    if (kinds.length !== 1) throw new Error(`action with ${kinds.length} kinds in ${name}: ${line}`);
    if (action.protocol) state.protocol = action.protocol;
    if (action.metaData) state.metaData = action.metaData;
    if (action.add) state.files.set(decodeURIComponent(action.add.path), action.add);
    if (action.remove) state.files.delete(decodeURIComponent(action.remove.path));
    if (action.txn) state.txn[action.txn.appId] = action.txn.version;
  }
  state.version = version;
}

const schema = state.metaData ? JSON.parse(state.metaData.schemaString) : null;
const columns = schema ? schema.fields.map((f) => f.name) : [];
const readers = { duckdb: {}, arrowRs: {}, hyparquet: {} };
for (const reader of Object.values(readers)) for (const c of columns) reader[c] = [];
let rows = 0;
for (const [path, add] of [...state.files.entries()].sort()) {
  const file = join(folder, path);
  const bytes = new Uint8Array(await readFile(file));
  if (bytes.length !== add.size) throw new Error(`${path}: size ${bytes.length} but the log says ${add.size}`);
  const read = { duckdb: await readDuckDb(file), arrowRs: await readArrowRs(bytes), hyparquet: await readHyparquet(bytes) };
  const count = JSON.parse(add.stats ?? '{}').numRecords;
  for (const [name, result] of Object.entries(read)) {
    // A column the file lacks (added to the schema later) reads as nulls, as Delta readers do.
    const length = result.values[columns[0]]?.length ?? 0;
    if (count !== undefined && length !== count) throw new Error(`${name} read ${length} rows of ${path}; stats say ${count}`);
    for (const c of columns) readers[name][c].push(...(result.values[c] ?? new Array(length).fill(null)));
  }
  rows += count ?? 0;
}

process.stdout.write(JSON.stringify({
  version: state.version,
  protocol: state.protocol,
  schema,
  files: [...state.files.keys()].sort(),
  txn: state.txn,
  rows,
  readers,
}, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));
