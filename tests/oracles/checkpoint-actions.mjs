// Prints the actions of each Delta checkpoint file as checkpoint-reader.mjs decodes them (DuckDB, arrow-rs and
// hyparquet, which must agree; null fields dropped, integers as strings), so a test can compare a checkpoint the
// product wrote with one Delta Lake wrote without reading either through the product's code.
// Usage: node tests/oracles/checkpoint-actions.mjs FILE... (prints a JSON array, one array of actions per file)
import { readFile } from 'node:fs/promises';
import { readCheckpoint } from './checkpoint-reader.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/oracles/checkpoint-actions.mjs FILE...');
  process.exit(2);
}
const result = [];
for (const file of files) result.push((await readCheckpoint(file, new Uint8Array(await readFile(file)))).actions);
console.log(JSON.stringify(result));
