#!/usr/bin/env bash
# Plants each one-line defect of tests/mutants/patches/ in a throwaway worktree, one at a time (the worktree reset
# between plants), runs the test projects its header names, and reports which tests fail: those that exist at a
# base commit ("before") and those added since (with them, "after"). A defect no test notices is a lost safeguard.
#
#   scripts/plant-defects.sh [--base REF] [--full] [--out FILE] [--logs DIR] [--report] [--worktree DIR] [PATCH...]
#
#   --base REF   tests added since REF count as new (default: main). This works because the new tests only add files:
#                every test that exists at REF runs unchanged here, so one run gives both columns.
#   --full       run each named project whole, ignoring the patch's integration filter.
#   --out FILE   write the markdown table to FILE as well as to stdout (default: tests/mutants/results.md).
#   --logs DIR   keep each plant's test output in DIR/<patch>.log (default: not kept).
#   --report     run nothing: make the table from the logs an earlier run kept in --logs DIR.
#   --worktree DIR  plant in this existing clean worktree (kept, with its builds) instead of a temporary one.
#   PATCH...     only these patches (default: all, in name order).
#
# A patch's header says what it plants and what to run:
#   # <what the defect does>
#   # projects: core integration parquet
#   # integration-filter: <dotnet test --filter expression for the integration project, empty for all>
# The machine is small, so integration runs only the classes the filter names unless --full: a defect caught
# elsewhere only would be missed by the measure, not by the suite.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=main
full=0
out="$repo/tests/mutants/results.md"
patches=()
keep=""
logs=""
report=0
while (($#)); do
  case $1 in
    --base) base=$2; shift 2 ;;
    --full) full=1; shift ;;
    --out) out=$2; shift 2 ;;
    --logs) logs=$(mkdir -p "$2" && realpath "$2"); shift 2 ;;
    --report) report=1; shift ;;
    --worktree) keep=$(realpath "$2"); shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) patches+=("$(realpath "$1")"); shift ;;
  esac
done
if ((${#patches[@]} == 0)); then
  mapfile -t patches < <(ls -v "$repo"/tests/mutants/patches/*.patch)
fi

work=$(mktemp -d)
if ((report)); then
  [[ -n $logs ]] || { echo "--report needs --logs DIR" >&2; exit 2; }
  mutant=""
  cleanup() { rm -rf "$work"; }
elif [[ -n $keep ]]; then
  mutant=$keep
  git -C "$mutant" checkout --quiet --detach "$(git -C "$repo" rev-parse HEAD)"
  cleanup() { git -C "$mutant" checkout --quiet -- .; rm -rf "$work"; }
else
  mutant="$work/mutant"
  git -C "$repo" worktree add --quiet --detach "$mutant" HEAD
  ln -s "$repo/node_modules" "$mutant/node_modules"
  cleanup() { git -C "$repo" worktree remove --force "$mutant" >/dev/null 2>&1 || true; rm -rf "$work"; }
fi
trap cleanup EXIT
if ((!report)); then
  source "$repo/scripts/node-tools.sh"
  (cd "$repo" && ensure_node_tools)
  source "$repo/scripts/chromium.sh"
  ensure_chromium
fi

# Test classes whose file was added since the base: their failures are the "after" column's gain.
new_classes=$(git -C "$repo" diff --diff-filter=A --name-only "$base" HEAD -- 'tests/*.cs' | xargs -r -n1 basename | sed 's/\.cs$//' | sort -u)

project() {
  case $1 in
    core) echo tests/Attendance.Core.Tests/Attendance.Core.Tests.csproj ;;
    integration) echo tests/Attendance.Integration.Tests/Attendance.Integration.Tests.csproj ;;
    parquet) echo tests/Attendance.Parquet.Tests/Attendance.Parquet.Tests.csproj ;;
    *) echo "unknown project '$1' in a patch header" >&2; exit 2 ;;
  esac
}

# "Ns.Class.Method(args) [12 ms]" -> "Class.Method"
method_of() { sed -E 's/^ *Failed //; s/ \[[^]]*\]$//; s/\(.*$//' | awk -F. '{print $(NF-1) "." $NF}'; }

# Each failing method once, with its number of failing cases: "Class.Method (3)".
summarize() { sort | uniq -c | awk '{printf "%s%s%s", sep, $2, ($1 > 1 ? " (" $1 ")" : ""); sep=", "}'; }

# "N: Class.Method (cases), ..." or "**none**".
count() {
  local n
  n=$(printf '%s\n' "$1" | awk 'NF' | wc -l)
  if ((n == 0)); then echo "**none**"; else echo "$n: $(printf '%s\n' "$1" | awk 'NF' | summarize)"; fi
}

mkdir -p "$(dirname "$out")"
table="| defect | ran | failing tests that exist at $base | failing tests added since $base |"$'\n'"|---|---|---|---|"
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  projects=$(sed -n 's/^# projects: *//p' "$patch")
  filter=$(sed -n 's/^# integration-filter: *//p' "$patch")
  log="${logs:-$work}/$name.log"
  ran=()
  ((report)) || { git -C "$mutant" checkout --quiet -- .; git -C "$mutant" apply "$patch"; : > "$log"; }
  for p in $projects; do
    args=(test "$mutant/$(project "$p")" --logger "console;verbosity=normal")
    if [[ $p == integration && -n $filter && $full == 0 ]]; then
      args+=(--filter "$filter")
      ran+=("$p (filtered)")
    else
      ran+=("$p")
    fi
    ((report)) && continue
    echo "== $name: dotnet ${args[*]}" >&2
    dotnet "${args[@]}" >> "$log" 2>&1 || true
  done

  if grep -qE 'error CS[0-9]+|Build FAILED' "$log"; then
    before="build failed"; after="build failed"
  else
    failed=$(grep -E '^ +Failed [A-Za-z_]' "$log" | method_of || true)
    before_failed=$(printf '%s\n' "$failed" | awk -F. -v new="$new_classes" \
      'BEGIN { n = split(new, a, "\n"); for (i = 1; i <= n; i++) added[a[i]] = 1 } NF && !($1 in added)')
    added_failed=$(printf '%s\n' "$failed" | awk -F. -v new="$new_classes" \
      'BEGIN { n = split(new, a, "\n"); for (i = 1; i <= n; i++) added[a[i]] = 1 } NF && ($1 in added)')
    before=$(count "$before_failed")
    after=$(count "$added_failed")
  fi
  passed=$(awk '/^ +Passed: [0-9]+$/ {p+=$2} /^ +Failed: [0-9]+$/ {f+=$2} END {printf "%d passed, %d failed", p, f}' "$log")
  echo "== $name: $passed" >&2
  row="| $name: $(sed -n '1s/^# *//p' "$patch") | ${ran[*]}; $passed | $before | $after |"
  table+=$'\n'"$row"
  # Written as it goes, so an interrupted run keeps what it measured.
  printf '%s\n' "$table" > "$out"
done

[[ -n $mutant ]] && git -C "$mutant" checkout --quiet -- .
printf '%s\n' "$table"
