#!/usr/bin/env bash
# Compares the export's Parquet writing (ParquetFileWriter.WriteAsync, Parquet.Net 6.1 underneath, the attendance
# table's definition, RowGroupLimits.Default) with DuckDB's COPY ... (FORMAT parquet, COMPRESSION snappy) on the same
# synthetic attendance rows, at the same row-group size, DuckDB on 1 thread; then checks that both files hold the
# same rows, and measures the writer's peak memory at 4x the rows.
# Usage: bench/parquet.sh [RUNS] [WORK_DIR]   (from the repository root; RUNS defaults to 5, at least 3)
# Runs alternate writer / DuckDB so that both see the same background load; the table shows medians.
set -euo pipefail

runs="${1:-5}"
work="${2:-$(mktemp -d)}"
rows=1000000
mkdir -p "$work"
results="$work/results.jsonl"
: > "$results"

dotnet build -c Release bench/Attendance.Benchmarks -v quiet -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
bench=(dotnet bench/Attendance.Benchmarks/bin/Release/net10.0/Attendance.Benchmarks.dll parquet)
group_rows=$("${bench[@]}" --rows 1 --out "$work/probe.parquet" | tail -n 1 | sed -E 's/.*"rowGroupRows": ([0-9]+).*/\1/')

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version); node $(node --version)" | tee "$work/machine.txt"
"${bench[@]}" --rows "$rows" --out "$work/writer.parquet" --csv "$work/rows.csv" > /dev/null
for run in $(seq "$runs"); do
  echo "load before run $run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/machine.txt"
  echo "{\"tool\":\"writer\",\"run\":$run,$("${bench[@]}" --rows "$rows" --out "$work/writer.parquet" | tail -n 1 | cut -c2-)" >> "$results"
  node bench/duckdb-copy.mjs --csv "$work/rows.csv" --out-dir "$work" --runs 1 --threads 1 --row-group-size "$group_rows" \
    | sed "s/^{/{\"tool\":\"duckdb\",/" >> "$results"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/machine.txt"

for run in 1 2 3; do
  echo "{\"tool\":\"writer-4x\",\"run\":$run,$("${bench[@]}" --rows $((rows * 4)) --out "$work/writer-4x.parquet" | tail -n 1 | cut -c2-)" >> "$results"
done

node --input-type=module - "$results" "$work/writer.parquet" "$work/duckdb-1t.parquet" <<'JS'
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
const [resultsFile, writerFile, duckFile] = process.argv.slice(2);
const lines = readFileSync(resultsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const names = { writer: 'export writer (Parquet.Net 6.1)', duckdb: 'DuckDB COPY, 1 thread', 'writer-4x': 'export writer, 4x rows (memory)' };
const mib = (b) => (b / 1048576).toFixed(0);
console.log('| writer | rows | row group | median s | min-max s | median CPU s | rows/s | file bytes | peak MiB (process) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const tool of Object.keys(names)) {
  const ls = lines.filter((l) => l.tool === tool);
  if (ls.length === 0) continue;
  const s = median(ls.map((l) => l.seconds));
  const range = `${Math.min(...ls.map((l) => l.seconds)).toFixed(3)}-${Math.max(...ls.map((l) => l.seconds)).toFixed(3)}`;
  const peak = tool === 'duckdb'
    ? `${mib(median(ls.map((l) => l.peakMemoryBytes)))} (table loaded: ${mib(median(ls.map((l) => l.rssBeforeBytes)))})`
    : mib(median(ls.map((l) => l.peakMemoryBytes)));
  console.log(`| ${names[tool]} | ${ls[0].rows.toLocaleString('en')} | ${ls[0].rowGroupRows.toLocaleString('en')} | ${s.toFixed(3)} | ${range} | ${median(ls.map((l) => l.cpuSeconds)).toFixed(3)} | ${Math.round(ls[0].rows / s).toLocaleString('en')} | ${ls[0].bytes.toLocaleString('en')} | ${peak} |`);
}
console.log('\nper run (s / CPU s / peak MiB):');
for (const l of lines) console.log(`${l.tool} ${l.run}: ${l.seconds} / ${l.cpuSeconds} / ${mib(l.peakMemoryBytes)}`);

// Same rows in both files, read by DuckDB: the comparison is only fair if the files hold the same data.
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const q = (sql) => `'${sql.replaceAll("'", "''")}'`;
const count = async (sql) => Number((await connection.runAndReadAll(sql)).getRowObjectsJS()[0].n);
const onlyWriter = await count(`SELECT count(*) n FROM (SELECT * FROM read_parquet(${q(writerFile)}) EXCEPT ALL SELECT * FROM read_parquet(${q(duckFile)}))`);
const onlyDuck = await count(`SELECT count(*) n FROM (SELECT * FROM read_parquet(${q(duckFile)}) EXCEPT ALL SELECT * FROM read_parquet(${q(writerFile)}))`);
console.log(`\nrows only in the writer's file: ${onlyWriter}; only in DuckDB's: ${onlyDuck}`);
JS
echo "raw results: $results"
