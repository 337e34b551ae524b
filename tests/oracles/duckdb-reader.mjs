// DuckDB's own Parquet reader: values, plus parquet_schema / parquet_metadata / parquet_file_metadata as DuckDB sees them.
import { DuckDBInstance } from '@duckdb/node-api';

let connection;

async function connect() {
  if (!connection) {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
  }
  return connection;
}

const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

async function query(sql) {
  const reader = await (await connect()).runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

// Casts each column to the canonical form in SQL, so no JS conversion of DuckDB value classes is needed.
function canonical(name, type) {
  const column = ident(name);
  if (type === 'DATE') return `(${column} - DATE '1970-01-01')::INTEGER`;
  if (type.startsWith('TIMESTAMP')) return `epoch_us(${column})::VARCHAR`;
  if (type === 'BIGINT') return `${column}::VARCHAR`;
  return column;
}

export async function readDuckDb(file) {
  const source = `read_parquet(${quote(file)})`;
  const columns = (await query(`DESCRIBE SELECT * FROM ${source}`)).map((c) => ({ name: c.column_name, type: c.column_type }));
  const select = columns.map((c) => `${canonical(c.name, c.type)} AS ${ident(c.name)}`).join(', ');
  const rows = await query(`SELECT ${select} FROM ${source}`);
  return {
    columns,
    values: Object.fromEntries(columns.map((c) => [c.name, rows.map((r) => r[c.name])])),
    schema: await query(`SELECT name, type, converted_type, logical_type, repetition_type, num_children FROM parquet_schema(${quote(file)})`),
    metadata: await query(`SELECT row_group_id, row_group_num_rows, column_id, path_in_schema, type, num_values,
        stats_null_count, stats_min_value, stats_max_value, compression, encodings,
        dictionary_page_offset, data_page_offset, total_compressed_size, total_uncompressed_size
      FROM parquet_metadata(${quote(file)}) ORDER BY row_group_id, column_id`),
    file: (await query(`SELECT created_by, num_rows, num_row_groups, format_version FROM parquet_file_metadata(${quote(file)})`))[0],
  };
}
