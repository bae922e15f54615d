#!/usr/bin/env bash
# Breakwater JUnit XML ingestion benchmark (issue 15): a generated 50 MB Surefire-style report
# (about 115,000 test cases, failures with stack traces, system-out blocks) read by Breakwater's
# JunitReader in a fresh JVM per run, side by side with Python's xml.etree.ElementTree parsing the
# same file and counting the cases. Target: the read in under 2 s. Medians of JUNIT_RUNS runs.
# Writes its section of docs/benchmarks.md (between <!-- junit-benchmark:begin --> and
# <!-- junit-benchmark:end -->), leaving the rest of the file alone. See bench/README.md.
#
# Usage: bench/junit.sh            measure, then write the report
#        bench/junit.sh --help
#
# Environment (all optional):
#   BW_CHECKOUT=DIR          measure that Breakwater checkout (compiled with Maven into the build
#                            directory) instead of a fresh clone of this repository's committed HEAD
#   JUNIT_SIZE=BYTES         size of the report (default 50000000: 50 MB)
#   JUNIT_SEED=N             seed of the generator (default 20261204); same seed and size, same bytes
#   JUNIT_RUNS=N             timed runs per tool (default 3, median)
#   BENCH_WAIT_QUIET=SECONDS first wait up to that long for the 1-minute load average to fall below
#                            JUNIT_QUIET_LOAD (default 0: do not wait)
#   JUNIT_QUIET_LOAD=X       default 1.0
#   BENCH_BUILD_DIR=DIR      builds (default ${TMPDIR:-/tmp}/breakwater-junit-bench)
#   BENCH_DOC=FILE           the report to update (default: docs/benchmarks.md)
set -euo pipefail
unset BREAKWATER_JAVA_OPTS JAVA_TOOL_OPTIONS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work/junit"
results="$bench/work/results/junit"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-junit-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
size="${JUNIT_SIZE:-50000000}"
seed="${JUNIT_SEED:-20261204}"
runs="${JUNIT_RUNS:-3}"
wait_quiet="${BENCH_WAIT_QUIET:-0}"
quiet_load="${JUNIT_QUIET_LOAD:-1.0}"

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "junit.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
die() { echo "junit.sh: $*" >&2; exit "${2:-1}"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date +%s)

for v in size seed runs wait_quiet; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, not '${!v}'" 2
done
[ "$runs" -ge 1 ] || die "JUNIT_RUNS must be at least 1" 2
for tool in java javac python3 mvn git; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found" 2
done
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time, Debian package 'time') not found" 2
mkdir -p "$build" "$work"

# --- 1. Breakwater's classes, from a committed checkout --------------------------------------------
bench_checkout "$build" "$repo"
log "compiling Breakwater ($bw_commit)"
(cd "$checkout" && { mvn -B -q -o compile -Dbw.buildDir="$build/bw-target" || mvn -B -q compile -Dbw.buildDir="$build/bw-target"; }) \
  >"$build/breakwater-build.log" 2>&1 || die "Breakwater did not compile (see $build/breakwater-build.log)"
bw_classes="$build/bw-target/classes"
cp_bw="$bw_classes" # the reader needs nothing but the JDK

# --- 2. the generator and the timed reader ----------------------------------------------------------
log "compiling the generator and the reader into $build/classes"
rm -rf "$build/classes"
javac -d "$build/classes" "$bench/src/main/java/org/breakwater/bench/junit/GenerateJunit.java"
javac -d "$build/classes" -cp "$bw_classes" "$bench/src/breakwater/java/org/breakwater/bench/junit/ReadJunit.java"

# --- 3. the report ----------------------------------------------------------------------------------
file="$work/report-$size-$seed.xml"
if [ -f "$file" ] && [ -f "$file.properties" ]; then
  echo "   $file: already generated ($(stat -c %s "$file") bytes)" >&2
else
  log "generating $file ($size bytes, seed $seed)"
  rm -f "$work"/report-*.xml "$work"/report-*.xml.properties
  java -cp "$build/classes" org.breakwater.bench.junit.GenerateJunit "$file" --size "$size" --seed "$seed" >"$file.properties"
fi
cat "$file.properties" | sed 's/^/   /' >&2

# --- 4. a quiet machine -----------------------------------------------------------------------------
bench_wait_quiet "$wait_quiet" "$quiet_load" ">="
rm -rf "$results"
mkdir -p "$results"
{
  bench_machine_facts
  echo "python=$(python3 --version 2>&1)"
  echo "breakwater_commit=$bw_commit"
  echo "bytes=$(stat -c %s "$file")"
  sed -n 's/^cases=/cases=/p' "$file.properties"
  echo "runs=$runs"
  echo "seed=$seed"
  echo "waited_seconds=$waited"
  echo "quiet_reached=$quiet_reached"
  echo "load_start=$(loadavg)"
} >"$results/machine.properties"

# --- 5. measurements: a fresh process per run, the file in the page cache --------------------------
printf 'tool\trun\twall_ms\tread_ms\trss_kb\tcases\tload\n' >"$results/runs.tsv"
measure() {
  local tool="$1" run="$2" out="$results/out-$1-$2.txt" t0 t1 cmd=()
  case "$tool" in
    breakwater) cmd=(java -cp "$cp_bw:$build/classes" org.breakwater.bench.junit.ReadJunit "$file") ;;
    python-etree) cmd=(python3 "$bench/junit_peer.py" "$file") ;;
  esac
  t0="$(date +%s%N)"
  /usr/bin/time -f '%M' -o "$results/time.tmp" "${cmd[@]}" >"$out" 2>&1 || die "$tool failed: $(cat "$out")"
  t1="$(date +%s%N)"
  local read_ms cases
  read_ms="$(sed -n 's/^read_ms=//p' "$out")"
  cases="$(sed -n 's/^cases=//p' "$out")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$run" "$(( (t1 - t0) / 1000000 ))" "$read_ms" \
    "$(tail -n 1 "$results/time.tmp")" "$cases" "$(loadavg)" >>"$results/runs.tsv"
  echo "   $tool run $run: read ${read_ms} ms, process $(( (t1 - t0) / 1000000 )) ms, $cases cases" >&2
}
for tool in breakwater python-etree; do
  cat "$file" >/dev/null
  echo "load_before_$tool=$(loadavg)" >>"$results/machine.properties"
  for run in $(seq 1 "$runs"); do measure "$tool" "$run"; done
done
rm -f "$results/time.tmp"
echo "load_end=$(loadavg)" >>"$results/machine.properties"
echo "elapsed_seconds=$(($(date +%s) - started))" >>"$results/machine.properties"
[ "$(awk -F'\t' 'NR > 1 {print $6}' "$results/runs.tsv" | sort -u | wc -l)" = 1 ] \
  || die "the tools counted different numbers of cases (see $results/runs.tsv)"

# --- 6. report ----------------------------------------------------------------------------------------
log "writing the junit section of $doc"
python3 "$bench/junit_report.py" "$results" "$doc"
log "done in $(($(date +%s) - started)) s; raw results in $results"
