// Prints the Parquet schema of each file as an independent reader sees it: one entry per schema element below the
// root, named by its dotted path, with its repetition, physical type and logical/converted type. The footer is
// decoded twice, by hyparquet and by DuckDB's parquet_schema(), which must agree, so a caller comparing two files'
// schemas (the product's checkpoint and one written by Delta Lake) relies on neither the product nor one parser.
// Usage: node tests/oracles/parquet-schema.mjs FILE... (prints a JSON array, one array of elements per file)
import { readFile } from 'node:fs/promises';
import { parquetMetadata } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/oracles/parquet-schema.mjs FILE...');
  process.exit(2);
}

// Flat schema elements (depth-first, num_children on groups) to paths; the first element is the unnamed root.
function withPaths(elements) {
  const out = [];
  const stack = [];
  for (const [i, e] of elements.entries()) {
    if (i > 0) {
      out.push({ ...e, path: [...stack.slice(1).map((s) => s.name), e.name].join('.') });
      stack[stack.length - 1].left--;
    }
    if (e.children > 0) stack.push({ name: e.name, left: e.children });
    while (stack.length > 0 && stack[stack.length - 1].left === 0) stack.pop();
  }
  return out;
}

const logical = (t) => (t === null || t === undefined ? null : String(t).toUpperCase());

async function fromHyparquet(file) {
  const bytes = await readFile(file);
  const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return withPaths(metadata.schema.map((e) => ({
    name: e.name,
    repetition: e.repetition_type ?? null,
    type: e.type ?? null,
    // hyparquet names the logical type { type: 'STRING' }; DuckDB prints e.g. 'StringType()'. Compare the name only.
    logical: logical(e.logical_type?.type),
    converted: e.converted_type ?? null,
    children: e.num_children ?? 0,
  })));
}

let connection;
async function fromDuckDb(file) {
  if (!connection) connection = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  const rows = await (await connection.runAndReadAll(
    `SELECT name, type, repetition_type, converted_type, logical_type, num_children FROM parquet_schema('${file.replaceAll("'", "''")}')`)).getRowObjectsJS();
  return withPaths(rows.map((r) => ({
    name: r.name,
    repetition: r.repetition_type ?? null,
    type: r.type ?? null,
    // DuckDB prints e.g. 'StringType()', 'IntType(bitWidth=64, isSigned=1)': keep the name, as Thrift spells it.
    logical: r.logical_type === null ? null : logical(String(r.logical_type).replace(/Type\(.*$/, '').replace(/^Int$/, 'Integer')),
    converted: r.converted_type ?? null,
    children: Number(r.num_children ?? 0),
  })));
}

const result = [];
for (const file of files) {
  const hyparquet = await fromHyparquet(file);
  const duckdb = await fromDuckDb(file);
  const key = (list) => JSON.stringify(list.map(({ path, repetition, type, logical, converted, children }) => ({ path, repetition, type, logical, converted, children })));
  if (key(hyparquet) !== key(duckdb)) {
    throw new Error(`schema of ${file}: hyparquet reads ${key(hyparquet).slice(0, 600)} but DuckDB ${key(duckdb).slice(0, 600)}`);
  }
  result.push(hyparquet.map(({ path, repetition, type, logical, converted }) => ({ path, repetition, type, logical, converted })));
}
console.log(JSON.stringify(result));
