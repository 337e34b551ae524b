// Runs an analyst's DuckDB SQL as the duckdb command line would, started in a folder: every statement in order,
// with paths relative to that folder. Prints a JSON array: for each statement that returns rows, its rows as objects
// (dates as yyyy-MM-dd, numbers of any size as text), so a test can compare what an analyst would see.
// Usage: node tests/oracles/duckdb-sql.mjs FOLDER SQL_FILE
import { readFile } from 'node:fs/promises';
import { DuckDBInstance, StatementType } from '@duckdb/node-api';

const [folder, sqlFile] = process.argv.slice(2);
if (!folder || !sqlFile) {
  console.error('usage: node tests/oracles/duckdb-sql.mjs FOLDER SQL_FILE');
  process.exit(2);
}

const sql = await readFile(sqlFile, 'utf8');
process.chdir(folder);
const connection = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
const statements = await connection.extractStatements(sql);
const results = [];
for (let i = 0; i < statements.count; i++) {
  const prepared = await statements.prepare(i);
  const reader = await prepared.runAndReadAll();
  if (prepared.statementType === StatementType.SELECT) {
    results.push(reader.getRowObjectsJson().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)]))));
  }
}
console.log(JSON.stringify(results));
