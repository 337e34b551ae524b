#!/usr/bin/env bash
# Compares the product's Parquet writer with DuckDB's COPY ... (FORMAT parquet, COMPRESSION snappy) on the same
# synthetic attendance rows, and measures the writer's peak memory as the row count grows.
# Usage: bench/parquet.sh [RUNS] [WORK_DIR]   (from the repository root; RUNS defaults to 5)
# Runs alternate writer / DuckDB so that both see the same background load; the table shows medians.
# The writer also runs with DOTNET_TieredCompilation=0, the setting a batch host can choose, to show what JIT tiering costs.
set -euo pipefail

runs="${1:-5}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
results="$work/results.jsonl"
: > "$results"

dotnet build -c Release bench/Attendance.Benchmarks -v quiet -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
bench=(dotnet bench/Attendance.Benchmarks/bin/Release/net10.0/Attendance.Benchmarks.dll parquet)

for rows in 100000 1000000; do
  "${bench[@]}" --rows "$rows" --out "$work/writer-$rows.parquet" --csv "$work/rows-$rows.csv" > /dev/null
  for run in $(seq "$runs"); do
    echo "{\"tool\":\"writer\",\"run\":$run,$("${bench[@]}" --rows "$rows" --out "$work/writer-$rows.parquet" | tail -n 1 | cut -c2-)" >> "$results"
    echo "{\"tool\":\"writer-tc0\",\"run\":$run,$(DOTNET_TieredCompilation=0 "${bench[@]}" --rows "$rows" --out "$work/writer-$rows.parquet" | tail -n 1 | cut -c2-)" >> "$results"
    node bench/duckdb-copy.mjs --csv "$work/rows-$rows.csv" --out-dir "$work" --runs 1 \
      | sed "s/^{/{\"tool\":\"duckdb\",/" >> "$results"
  done
done

for run in $(seq 3); do
  echo "{\"tool\":\"writer-memory\",\"run\":$run,$("${bench[@]}" --rows 4000000 --out "$work/writer-4000000.parquet" | tail -n 1 | cut -c2-)" >> "$results"
done

node --input-type=module - "$results" <<'JS'
import { readFileSync } from 'node:fs';
const lines = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const groups = new Map();
for (const l of lines) {
  const key = l.tool === 'duckdb' ? `DuckDB COPY, ${l.threads} thread${l.threads > 1 ? 's' : ''}` : l.tool === 'writer' ? 'attendance writer' : l.tool === 'writer-tc0' ? 'attendance writer, TieredCompilation=0' : 'attendance writer (memory run)';
  const k = `${l.rows}|${key}`;
  if (!groups.has(k)) groups.set(k, []);
  groups.get(k).push(l);
}
console.log('| rows | writer | median s | min-max s | rows/s | file bytes | size vs DuckDB | peak memory MiB |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const [k, ls] of groups) {
  const [rows, name] = k.split('|');
  const s = median(ls.map((l) => l.seconds));
  const duck = groups.get(`${rows}|DuckDB COPY, 1 thread`);
  const ratio = duck ? (ls[0].bytes / duck[0].bytes).toFixed(3) + 'x' : '';
  const peak = ls[0].peakMemoryBytes ? (median(ls.map((l) => l.peakMemoryBytes)) / 1048576).toFixed(0) : '';
  const range = `${Math.min(...ls.map((l) => l.seconds)).toFixed(3)}-${Math.max(...ls.map((l) => l.seconds)).toFixed(3)}`;
  console.log(`| ${Number(rows).toLocaleString('en')} | ${name} | ${s.toFixed(3)} | ${range} | ${Math.round(rows / s).toLocaleString('en')} | ${ls[0].bytes.toLocaleString('en')} | ${ratio} | ${peak} |`);
}
JS
echo "raw results: $results"
