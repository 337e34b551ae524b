// Checks, with DuckDB and nothing of the product's, what an engine that skips data by Parquet statistics would get
// from the files of one table. Usage: node tests/oracles/check-statistics.mjs FILE... (the live files of ONE table)
// Prints one JSON object:
// - chunks: for every row group of every file and every leaf column (nested ones too, as in a Delta checkpoint),
//   the statistics DuckDB reads from the footer and the least and greatest value the row group really holds, with
//   `bounded` true when the statistics' min/max are absent or bound those values (compared in the column's own type).
// - columns: per file, per top-level column, the real min/max (canonical: days for DATE, microseconds for
//   TIMESTAMP, the text for strings), null count and row count, for checking Delta's add.stats.
// - filters: for every DATE and TIMESTAMP column of the table, `>=` its minimum, `<=` its maximum and a BETWEEN in
//   the middle, each counted twice over all files: as a WHERE that DuckDB pushes down to the row groups (and prunes
//   by statistics), and as a CASE sum that it cannot push down (a full scan).
// - partitions (with --partitions COLUMN): the column's range cut into four half-open ranges
//   `COLUMN >= start AND COLUMN < end`, as Power BI's incremental refresh asks for RangeStart/RangeEnd, each counted
//   pushed down and scanned.
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const partitionColumn = args[0] === '--partitions' ? args[1] : null;
const files = partitionColumn === null ? args : args.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/oracles/check-statistics.mjs [--partitions COLUMN] FILE...');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

// The SQL that yields a leaf's values from its path_in_schema ("add, partitionValues, key_value, key"): struct
// fields by name, map keys and values and list elements unnested.
function leafExpression(path) {
  const parts = path.split(', ');
  let expression = ident(parts[0]);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part === 'key_value' && (parts[i + 1] === 'key' || parts[i + 1] === 'value')) {
      expression = `unnest(map_${parts[i + 1]}s(${expression}))`;
      i++;
    } else if ((part === 'list' && (parts[i + 1] === 'element' || parts[i + 1] === 'item')) || part === 'array' || part === 'bag') {
      expression = `unnest(${expression})`;
      if (part === 'list') i++;
    } else {
      expression = `struct_extract(${expression}, ${quote(part)})`;
    }
  }
  return expression;
}

const canonical = (value) => value === null || value === undefined ? null : String(value);

// A constant, not an expression of the column, so DuckDB pushes the filter into the Parquet scan.
const literal = (type, value) => type === 'DATE' ? `DATE ${quote(isoDay(Number(value)))}` : `TIMESTAMPTZ ${quote(isoMicros(value))}`;

const chunks = [];
const columns = [];
for (const file of files) {
  const source = `read_parquet(${quote(file)}, file_row_number = true)`;
  const metadata = await query(`SELECT row_group_id, row_group_num_rows, path_in_schema, stats_min_value, stats_max_value, stats_null_count
    FROM parquet_metadata(${quote(file)}) ORDER BY row_group_id, column_id`);
  const offsets = new Map();
  let next = 0n;
  for (const m of metadata) {
    const id = Number(m.row_group_id);
    if (!offsets.has(id)) {
      offsets.set(id, [next, next + BigInt(m.row_group_num_rows)]);
      next += BigInt(m.row_group_num_rows);
    }
  }
  for (const m of metadata) {
    const [from, to] = offsets.get(Number(m.row_group_id));
    const values = `(SELECT ${leafExpression(m.path_in_schema)} AS v FROM ${source} WHERE file_row_number >= ${from} AND file_row_number < ${to})`;
    const [actual] = await query(`SELECT min(v)::VARCHAR AS lo, max(v)::VARCHAR AS hi, typeof(any_value(v)) AS type, count(v) AS present FROM ${values}`);
    const check = (bound, op, real) => bound === null || real === null
      ? 'true'
      : `(TRY_CAST(${quote(bound)} AS ${actual.type}) ${op} (SELECT ${real}(v) FROM ${values}))`;
    // A chunk without values must not claim bounds.
    let bounded = m.stats_min_value === null && m.stats_max_value === null;
    if (Number(actual.present) > 0) {
      const [result] = await query(`SELECT coalesce(${check(m.stats_min_value, '<=', 'min')}, false) AND coalesce(${check(m.stats_max_value, '>=', 'max')}, false) AS ok`);
      bounded = result.ok === true;
    }
    chunks.push({
      file, rowGroup: Number(m.row_group_id), path: m.path_in_schema, type: actual.type,
      statsMin: m.stats_min_value, statsMax: m.stats_max_value, statsNullCount: m.stats_null_count === null ? null : Number(m.stats_null_count),
      min: actual.lo, max: actual.hi, present: Number(actual.present), bounded,
    });
  }

  const described = await query(`DESCRIBE SELECT * FROM read_parquet(${quote(file)})`);
  const perColumn = {};
  for (const { column_name: name, column_type: type } of described) {
    if (type.startsWith('STRUCT') || type.startsWith('MAP') || type.endsWith('[]')) continue;
    const value = type === 'DATE' ? `(${ident(name)} - DATE '1970-01-01')::INTEGER::VARCHAR`
      : type.startsWith('TIMESTAMP') ? `epoch_us(${ident(name)})::VARCHAR`
      : `${ident(name)}::VARCHAR`;
    // Ordered by the column itself: DuckDB compares VARCHAR by UTF-8 bytes, the order of Parquet's and Delta's statistics.
    const [row] = await query(`SELECT arg_min(${value}, ${ident(name)}) AS lo, arg_max(${value}, ${ident(name)}) AS hi,
        count(*) - count(${ident(name)}) AS nulls, count(*) AS rows FROM read_parquet(${quote(file)})`);
    perColumn[name] = { type, min: canonical(row.lo), max: canonical(row.hi), nulls: Number(row.nulls), rows: Number(row.rows) };
  }
  columns.push({ file, columns: perColumn });
}

const filters = [];
const all = `read_parquet([${files.map(quote).join(', ')}])`;
const described = await query(`DESCRIBE SELECT * FROM ${all}`);
for (const { column_name: name, column_type: type } of described) {
  if (type !== 'DATE' && !type.startsWith('TIMESTAMP')) continue;
  const column = ident(name);
  const unit = type === 'DATE' ? `(${column} - DATE '1970-01-01')` : `epoch_us(${column})`;
  const [range] = await query(`SELECT min(${unit})::VARCHAR AS lo, max(${unit})::VARCHAR AS hi, count(${column}) AS present FROM ${all}`);
  if (range.lo === null) continue;
  const lo = BigInt(range.lo);
  const hi = BigInt(range.hi);
  const quarter = (hi - lo) / 4n;
  const predicates = [
    [`>= min`, `${column} >= ${literal(type, lo)}`],
    [`<= max`, `${column} <= ${literal(type, hi)}`],
    [`BETWEEN middle`, `${column} BETWEEN ${literal(type, lo + quarter)} AND ${literal(type, hi - quarter)}`],
  ];
  for (const [filter, predicate] of predicates) {
    const [pushed] = await query(`SELECT count(*) AS n FROM ${all} WHERE ${predicate}`);
    const [scanned] = await query(`SELECT sum(CASE WHEN ${predicate} THEN 1 ELSE 0 END) AS n FROM ${all}`);
    filters.push({ column: name, type, filter, sql: predicate, pushed: Number(pushed.n), scanned: Number(scanned.n ?? 0), present: Number(range.present) });
  }
}

const partitions = [];
if (partitionColumn !== null) {
  const column = ident(partitionColumn);
  const [range] = await query(`SELECT min(epoch_us(${column}))::VARCHAR AS lo, max(epoch_us(${column}))::VARCHAR AS hi FROM ${all}`);
  const lo = BigInt(range.lo);
  const step = (BigInt(range.hi) + 1n - lo + 3n) / 4n;
  for (let i = 0n; i < 4n; i++) {
    const predicate = `${column} >= ${literal('TIMESTAMP', lo + i * step)} AND ${column} < ${literal('TIMESTAMP', lo + (i + 1n) * step)}`;
    const [pushed] = await query(`SELECT count(*) AS n FROM ${all} WHERE ${predicate}`);
    const [scanned] = await query(`SELECT sum(CASE WHEN ${predicate} THEN 1 ELSE 0 END) AS n FROM ${all}`);
    partitions.push({ sql: predicate, pushed: Number(pushed.n), scanned: Number(scanned.n ?? 0) });
  }
}

function isoMicros(us) {
  const seconds = us / 1000000n;
  const fraction = (us % 1000000n).toString().padStart(6, '0');
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', `.${fraction}+00`);
}

function isoDay(days) {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}

process.stdout.write(JSON.stringify({ chunks, columns, filters, partitions }, (_, value) => typeof value === 'bigint' ? value.toString() : value));
