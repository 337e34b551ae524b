// Reads a Delta checkpoint (_delta_log/N.checkpoint.parquet) with DuckDB, arrow-rs (parquet-wasm) and hyparquet,
// independently of the product, and returns its actions in one canonical form: one object per row with the one
// non-null action column, null fields dropped, maps as plain objects, integers as decimal strings. Throws when the
// readers disagree, so a caller gets one list it can trust.
import { createRequire } from 'node:module';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';

const require = createRequire(import.meta.url);
const wasm = require('parquet-wasm/node');
const kinds = ['txn', 'add', 'remove', 'metaData', 'protocol'];

let connection;
async function duckdb(file) {
  if (!connection) connection = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  const source = `read_parquet('${file.replaceAll("'", "''")}')`;
  const select = kinds.map((k) => `to_json("${k}")::VARCHAR AS "${k}"`).join(', ');
  const rows = (await (await connection.runAndReadAll(`SELECT ${select} FROM ${source}`)).getRowObjectsJS());
  const types = Object.fromEntries((await (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS()).map((c) => [c.column_name, c.column_type]));
  return { rows: rows.map((r) => Object.fromEntries(kinds.map((k) => [k, r[k] === null ? null : JSON.parse(r[k])]))), types };
}

async function hyparquet(bytes) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return parquetReadObjects({ file, metadata: parquetMetadata(file) });
}

// arrow-rs through the Arrow C Data Interface in WebAssembly memory, nested types included.
const schemaLayout = { format: 0, name: 4, children: 32, nChildren: 24 };
const arrayLayout = { length: 0, offset: 16, nBuffers: 24, nChildren: 32, buffers: 40, children: 44 };
const utf8 = new TextDecoder('utf-8', { fatal: true });
const cString = (view, address) => { let end = address; while (view.getUint8(end) !== 0) end++; return utf8.decode(new Uint8Array(view.buffer, address, end - address)); };
const pointers = (view, address, count) => Array.from({ length: count }, (_, i) => view.getUint32(address + 4 * i, true));
function schemaAt(view, address) {
  const n = Number(view.getBigInt64(address + schemaLayout.nChildren, true));
  return {
    format: cString(view, view.getUint32(address + schemaLayout.format, true)),
    name: cString(view, view.getUint32(address + schemaLayout.name, true)),
    children: pointers(view, view.getUint32(address + schemaLayout.children, true), n).map((c) => schemaAt(view, c)),
  };
}
function arrayAt(view, address, field) {
  const length = Number(view.getBigInt64(address + arrayLayout.length, true));
  const offset = Number(view.getBigInt64(address + arrayLayout.offset, true));
  const buffers = pointers(view, view.getUint32(address + arrayLayout.buffers, true), Number(view.getBigInt64(address + arrayLayout.nBuffers, true)));
  const children = pointers(view, view.getUint32(address + arrayLayout.children, true), Number(view.getBigInt64(address + arrayLayout.nChildren, true)))
    .map((c, i) => arrayAt(view, c, field.children[i]));
  const valid = (i) => buffers[0] === 0 || ((view.getUint8(buffers[0] + ((offset + i) >> 3)) >> ((offset + i) & 7)) & 1) === 1;
  const int32 = (i) => view.getInt32(buffers[1] + 4 * (offset + i), true);
  let value;
  switch (field.format) {
    case 'u': value = (i) => utf8.decode(new Uint8Array(view.buffer, buffers[2] + int32(i), int32(i + 1) - int32(i))); break;
    case 'i': value = int32; break;
    case 'l': value = (i) => view.getBigInt64(buffers[1] + 8 * (offset + i), true); break;
    case 'b': value = (i) => ((view.getUint8(buffers[1] + ((offset + i) >> 3)) >> ((offset + i) & 7)) & 1) === 1; break;
    case '+s': value = (i) => Object.fromEntries(field.children.map((c, k) => [c.name, children[k][offset + i]])); break;
    case '+l': value = (i) => children[0].slice(int32(i), int32(i + 1)); break;
    case '+m': value = (i) => Object.fromEntries(children[0].slice(int32(i), int32(i + 1)).map((e) => Object.values(e))); break;
    default: throw new Error(`checkpoint oracle: unsupported Arrow format '${field.format}'`);
  }
  return Array.from({ length }, (_, i) => (valid(i) ? value(i) : null));
}
async function arrowRs(bytes) {
  const stream = wasm.readParquet(bytes).intoFFI();
  const root = schemaAt(new DataView(wasm.wasmMemory().buffer), stream.schemaAddr());
  const rows = [];
  for (let chunk = 0; chunk < stream.numArrays(); chunk++) {
    const view = new DataView(wasm.wasmMemory().buffer);
    const batch = arrayAt(view, stream.arrayAddr(chunk), root);
    rows.push(...batch);
  }
  stream.drop();
  return rows;
}

// Canonical form: null fields dropped, integers as strings, lists of {key, value} as objects.
function canonical(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((e) => e && typeof e === 'object' && 'key' in e && 'value' in e && Object.keys(e).length === 2)) {
      return canonical(Object.fromEntries(value.map((e) => [e.key, e.value])));
    }
    return value.map(canonical);
  }
  if (value instanceof Map) return canonical(Object.fromEntries(value));
  if (typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical(value[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}
const actions = (rows) => rows.map((row) => canonical(Object.fromEntries(kinds.filter((k) => row[k] !== null && row[k] !== undefined).map((k) => [k, row[k]]))));

export async function readCheckpoint(file, bytes) {
  const duck = await duckdb(file);
  const read = { duckdb: actions(duck.rows), arrowRs: actions(await arrowRs(bytes)), hyparquet: actions(await hyparquet(bytes)) };
  for (const [name, list] of Object.entries(read)) {
    if (JSON.stringify(list) !== JSON.stringify(read.duckdb)) {
      throw new Error(`checkpoint ${file}: ${name} reads ${JSON.stringify(list).slice(0, 400)} but DuckDB ${JSON.stringify(read.duckdb).slice(0, 400)}`);
    }
    for (const action of list) {
      if (Object.keys(action).length !== 1) throw new Error(`checkpoint ${file}: ${name} reads a row with ${Object.keys(action).length} actions`);
    }
  }
  return { actions: read.duckdb, duckdbTypes: duck.types };
}
