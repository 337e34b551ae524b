// Reads a Delta Lake table folder the way an analytics engine would, independently of the product's code:
// starts from the newest checkpoint (read by DuckDB, arrow-rs and hyparquet, which must agree: checkpoint-reader.mjs)
// when the log has one, else from version 0, and replays _delta_log/*.json after it (protocol, metaData, add, remove,
// txn). When the JSON log still reaches back to version 0, the checkpoint must equal its replay up to the checkpoint's
// version (live files, txn, protocol, metaData). Then it reads every live file with DuckDB,
// arrow-rs (parquet-wasm) and hyparquet, and prints one JSON object: the log's state and, per reader, the
// table's columns concatenated over the live files (values in read-parquet.mjs's canonical form), and each live
// file's add.stats as the log has it.
// Usage: node tests/oracles/read-delta.mjs TABLE_FOLDER... (prints a JSON array, one object per folder)
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDuckDb } from './duckdb-reader.mjs';
import { readArrowRs } from './arrow-rs-reader.mjs';
import { readHyparquet } from './hyparquet-reader.mjs';
import { readCheckpoint } from './checkpoint-reader.mjs';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node tests/oracles/read-delta.mjs TABLE_FOLDER...');
  process.exit(2);
}

async function readTable(folder) {

  const logFolder = join(folder, '_delta_log');
  const names = await readdir(logFolder);
  const commits = names.filter((n) => /^\d{20}\.json$/.test(n)).sort();
  const checkpoints = names.filter((n) => /^\d{20}\.checkpoint\.parquet$/.test(n)).sort();
  const lastCheckpoint = names.includes('_last_checkpoint') ? JSON.parse(await readFile(join(logFolder, '_last_checkpoint'), 'utf8')) : null;
  const newState = () => ({ version: -1, protocol: null, metaData: null, files: new Map(), txn: {} });
  const apply = (state, action, where) => {
    const kinds = Object.keys(action);
    if (kinds.length !== 1) throw new Error(`action with ${kinds.length} kinds in ${where}: ${JSON.stringify(action)}`);
    if (action.protocol) state.protocol = action.protocol;
    if (action.metaData) state.metaData = action.metaData;
    if (action.add) state.files.set(decodeURIComponent(action.add.path), action.add);
    if (action.remove) state.files.delete(decodeURIComponent(action.remove.path));
    if (action.txn) state.txn[action.txn.appId] = Number(action.txn.version);
  };
  const replay = async (state, upTo) => {
    for (const name of commits) {
      const version = Number(name.slice(0, 20));
      if (version <= state.version || version > upTo) continue;
      if (version !== state.version + 1) throw new Error(`log gap: ${name} after version ${state.version}`);
      const text = await readFile(join(logFolder, name), 'utf8');
      for (const line of text.split('\n').filter((l) => l.trim().length > 0)) apply(state, JSON.parse(line), name);
      state.version = version;
    }
    return state;
  };
  const summary = (state) => JSON.stringify({
    version: state.version,
    protocol: { minReaderVersion: Number(state.protocol?.minReaderVersion), minWriterVersion: Number(state.protocol?.minWriterVersion) },
    schemaString: state.metaData?.schemaString,
    configuration: Object.fromEntries(Object.entries(state.metaData?.configuration ?? {}).sort()),
    files: [...state.files.entries()].map(([p, a]) => `${p} ${a.size}`).sort(),
    txn: Object.fromEntries(Object.entries(state.txn).sort()),
  });

  let state = newState();
  let checkpoint = null;
  if (checkpoints.length > 0) {
    const name = checkpoints[checkpoints.length - 1];
    const file = join(logFolder, name);
    const read = await readCheckpoint(file, new Uint8Array(await readFile(file)));
    const fromCheckpoint = newState();
    for (const action of read.actions) apply(fromCheckpoint, action, name);
    fromCheckpoint.version = Number(name.slice(0, 20));
    checkpoint = {
      version: fromCheckpoint.version,
      actions: read.actions.length,
      adds: read.actions.filter((a) => a.add).length,
      removes: read.actions.filter((a) => a.remove).length,
      kinds: [...new Set(read.actions.map((a) => Object.keys(a)[0]))].sort(),
      duckdbTypes: read.duckdbTypes,
      matchesLog: null,
    };
    if (commits.length > 0 && commits[0] === '0'.repeat(20) + '.json') {
      const fromLog = await replay(newState(), fromCheckpoint.version);
      if (summary(fromLog) !== summary(fromCheckpoint)) {
        throw new Error(`checkpoint ${name} differs from the JSON log replayed to its version:\n${summary(fromCheckpoint)}\n${summary(fromLog)}`);
      }
      checkpoint.matchesLog = true;
    }
    state = fromCheckpoint;
  }
  await replay(state, Number.MAX_SAFE_INTEGER);

  const schema = state.metaData ? JSON.parse(state.metaData.schemaString) : null;
  const columns = schema ? schema.fields.map((f) => f.name) : [];
  const readers = { duckdb: {}, arrowRs: {}, hyparquet: {} };
  for (const reader of Object.values(readers)) for (const c of columns) reader[c] = [];
  let rows = 0;
  for (const [path, add] of [...state.files.entries()].sort()) {
    const file = join(folder, path);
    const bytes = new Uint8Array(await readFile(file));
    if (bytes.length !== Number(add.size)) throw new Error(`${path}: size ${bytes.length} but the log says ${add.size}`);
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

  return {
    version: state.version,
    protocol: state.protocol,
    configuration: state.metaData?.configuration ?? {},
    checkpoint,
    lastCheckpoint,
    logFiles: [...commits, ...checkpoints].sort(),
    schema,
    files: [...state.files.keys()].sort(),
    stats: Object.fromEntries([...state.files.entries()].map(([p, a]) => [p, a.stats ?? null])),
    checkpointFile: checkpoint ? checkpoints[checkpoints.length - 1] : null,
    txn: state.txn,
    rows,
    readers,
  };
}

const tables = [];
for (const folder of folders) tables.push(await readTable(folder));
process.stdout.write(JSON.stringify(tables, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));
