#!/usr/bin/env bash
# Breakwater access-log throughput benchmark: a generated 2 GB combined-format log against a
# 1,000-operation API, realistic by default (issue 19: 2,460 callers the catalog does not know, ids
# 1..99,999 on 250 resources, 30% of the calls with a query string); `breakwater traffic ingest` (two cores, and one core with taskset) side by
# side with GoAccess producing its HTML report on the same file, and `wc -l` as the floor.
# Throughput in MB/s (MB = 10^6 bytes) and lines/s, peak RSS on prefixes of the log.
# Targets: at least 20x GoAccess's throughput on one core and at least 10% of `wc -l`'s, memory flat as the
# file grows. Writes its section of docs/benchmarks.md (between <!-- traffic-benchmark:begin -->
# and <!-- traffic-benchmark:end -->), leaving the rest of the file alone. See bench/README.md.
#
# Usage: bench/traffic.sh            measure, then write the report
#        bench/traffic.sh --report   only rewrite the report from the last run's raw results
#        bench/traffic.sh --help
#
# Environment (all optional):
#   BW_CHECKOUT=DIR          measure that Breakwater checkout (its ./breakwater launcher builds it if
#                            needed) instead of a fresh clone of this repository's committed HEAD
#   TRAFFIC_SIZE=BYTES       size of the log (default 2000000000: 2 GB)
#   TRAFFIC_SEED=N           seed of the generator (default 20261102); same seed and size, same bytes
#   TRAFFIC_SHAPE=S          realistic (default) or consumers (the first benchmarks' log: 24 identified
#                            consumers, about 760 addresses each with one user agent)
#   TRAFFIC_RUNS=N           timed runs per tool and configuration on the main file (default 3, median)
#   TRAFFIC_REPEAT_SIZE=BYTES  the main file, on which every tool runs TRAFFIC_RUNS times: a prefix of
#                            the log of that size (default: the whole log). Use it when a run on the
#                            whole log takes too long; the report says so
#   TRAFFIC_PREFIXES="B ..." prefixes measured once per tool for peak memory and throughput as the file
#                            grows (default "250000000 500000000 1000000000"; the whole log is added)
#   BENCH_WAIT_QUIET=SECONDS first wait up to that long for the 1-minute load average to fall below
#                            TRAFFIC_QUIET_LOAD (default 0: do not wait)
#   TRAFFIC_QUIET_LOAD=X     default 1.0
#   BENCH_BUILD_DIR=DIR      builds, stores and GoAccess reports (default ${TMPDIR:-/tmp}/breakwater-traffic-bench)
#   BENCH_DOC=FILE           the report to update (default: docs/benchmarks.md)
set -euo pipefail
unset BREAKWATER_JAVA_OPTS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
generated="$work/traffic"
results="$work/results/traffic"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-traffic-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
size="${TRAFFIC_SIZE:-2000000000}"
seed="${TRAFFIC_SEED:-20261102}"
shape="${TRAFFIC_SHAPE:-realistic}"
runs="${TRAFFIC_RUNS:-3}"
repeat_size="${TRAFFIC_REPEAT_SIZE:-$size}"
prefixes="${TRAFFIC_PREFIXES:-250000000 500000000 1000000000}"
wait_quiet="${BENCH_WAIT_QUIET:-0}"
quiet_load="${TRAFFIC_QUIET_LOAD:-1.0}"
mode=measure

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  --report) mode=report ;;
  "") ;;
  *) echo "traffic.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
die() { echo "traffic.sh: $*" >&2; exit "${2:-1}"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
is_count() { [[ "$1" =~ ^[0-9]+$ ]]; }
started=$(date +%s)

for v in size seed runs repeat_size wait_quiet; do
  is_count "${!v}" || die "$v must be a whole number, not '${!v}'" 2
done
for p in $prefixes; do is_count "$p" || die "TRAFFIC_PREFIXES: '$p' is not a size in bytes" 2; done
case "$shape" in realistic|consumers) ;; *) die "TRAFFIC_SHAPE must be realistic or consumers, not '$shape'" 2 ;; esac
[ "$runs" -ge 1 ] || die "TRAFFIC_RUNS must be at least 1" 2
[ "$repeat_size" -le "$size" ] || die "TRAFFIC_REPEAT_SIZE ($repeat_size) is larger than TRAFFIC_SIZE ($size)" 2

# --- 0. tools ------------------------------------------------------------------------------------
need=()
command -v goaccess >/dev/null 2>&1 || need+=(goaccess)
[ -x /usr/bin/time ] || need+=(time)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v taskset >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need[*]} (Debian packages)"
    apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${need[@]}" >/dev/null 2>&1; } \
      || die "could not install ${need[*]}" 2
  else
    die "missing ${need[*]} (Debian packages); install them and retry" 2
  fi
fi
for tool in java git wc; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found" 2
done
mkdir -p "$build"

# --- 1. the benchmark module (generator and report), built in a copy ----------------------------
# It needs nothing of Breakwater's (no -Dbw.jar): the generator and the report are plain Java.
log "building bench/ in $build/bench"
rm -rf "$build/bench"
mkdir -p "$build/bench"
cp -r "$bench/pom.xml" "$bench/src" "$build/bench/"
(cd "$build/bench" && mvn -q -B compile >"$build/bench-build.log" 2>&1) \
  || die "bench build failed, see $build/bench-build.log"
classes="$build/bench/target/classes"

report() {
  log "writing the traffic section of $doc"
  java -cp "$classes" org.breakwater.bench.traffic.TrafficReport "$results" "$doc"
}
if [ "$mode" = report ]; then
  [ -f "$results/runs.tsv" ] || die "no results in $results: run bench/traffic.sh first" 2
  report
  exit 0
fi

# --- 2. Breakwater, built by its own launcher in a committed checkout ---------------------------
if [ -n "${BW_CHECKOUT:-}" ] && [ ! -x "$BW_CHECKOUT/breakwater" ]; then
  die "BW_CHECKOUT=$BW_CHECKOUT has no ./breakwater launcher" 2
fi
bench_checkout "$build" "$repo"
bw="$checkout/breakwater"
bw_dirty="$(git -C "$checkout" status --porcelain -- src pom.xml 2>/dev/null | wc -l)"
# The checkout's HEAD may be a benchmark-only commit: name the last one that changed Breakwater itself.
bw_source="$(git -C "$checkout" log -1 --format='%h %s' -- src pom.xml breakwater 2>/dev/null || echo "?")"
log "building Breakwater with its launcher ($bw)"
"$bw" --help >"$build/breakwater-build.log" 2>&1 && [ -f "$checkout/target/breakwater.jar" ] \
  || die "Breakwater did not build (see $build/breakwater-build.log)"
"$bw" traffic ingest --help >/dev/null 2>&1 || die "$bw has no working 'traffic ingest' command"
# Which JVM options does the launcher pass to `traffic ingest`? Ask it, with a stand-in 'java'.
shim="$(mktemp -d)"
printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = -jar ] && break; printf "%%s " "$a"; done\n' >"$shim/java"
chmod +x "$shim/java"
launcher_flags="$(PATH="$shim:$PATH" "$bw" traffic ingest --help 2>/dev/null | sed 's/ *$//')"
rm -rf "$shim"
echo "   launcher runs: java $launcher_flags -jar target/breakwater.jar traffic ingest ..." >&2

# --- 3. the log, the catalog and the API ---------------------------------------------------------
# generate DIR SIZE: the log of SIZE bytes (a prefix of every larger one with the same seed)
generate() {
  local dir="$1" bytes="$2"
  if [ -f "$dir/generated.properties" ] && [ -f "$dir/access.log" ] \
    && grep -qx "size=$bytes" "$dir/generated.properties" && grep -qx "seed=$seed" "$dir/generated.properties" && grep -qx "shape=$shape" "$dir/generated.properties" \
    && grep -qx "bytes=$(stat -c %s "$dir/access.log")" "$dir/generated.properties"; then
    echo "   $dir/access.log: already generated ($(stat -c %s "$dir/access.log") bytes)" >&2
    return
  fi
  rm -rf "$dir"
  java -cp "$classes" org.breakwater.bench.traffic.GenerateTraffic "$dir" --size "$bytes" --seed "$seed" --shape "$shape" >&2
}
log "generating the $shape log ($size bytes, seed $seed) into $generated"
mkdir -p "$generated"
# Earlier runs' files of other sizes would only take disk space.
for d in "$generated"/*/; do
  [ -d "$d" ] || continue
  keep=no
  for b in "$size" "$repeat_size" $prefixes; do [ "$(basename "$d")" = "log-$b" ] && keep=yes; done
  [ "$keep" = yes ] || rm -rf "$d"
done
generate "$generated/log-$size" "$size"
full="$generated/log-$size"
sizes=()
for b in $(printf '%s\n' $prefixes "$repeat_size" | sort -n -u); do
  [ "$b" -lt "$size" ] || continue
  generate "$generated/log-$b" "$b"
  cmp -s -n "$(stat -c %s "$generated/log-$b/access.log")" "$generated/log-$b/access.log" "$full/access.log" \
    || die "$generated/log-$b/access.log is not a prefix of $full/access.log"
  sizes+=("$b")
done
sizes+=("$size")
repeat_file="$generated/log-$repeat_size/access.log"

# --- 4. the store: the catalog, and the API deployed in production before the first line --------
rm -rf "$results"
mkdir -p "$results"
cp "$full/generated.properties" "$results/generated.properties"
base_store="$build/store-base"
rm -rf "$base_store" "$build/store-run"
mkdir -p "$base_store"
service="$(sed -n 's/^service=//p' "$full/generated.properties")"
version="$(sed -n 's/^version=//p' "$full/generated.properties")"
deployed_at="$(sed -n 's/^deployed_at=//p' "$full/generated.properties")"
log "setting up the store in $base_store"
"$bw" catalog import "$full/catalog" --data-dir "$base_store" >"$results/setup.txt" 2>&1 \
  || { cat "$results/setup.txt" >&2; die "catalog import failed"; }
"$bw" record-deployment --service "$service" --version "$version" --env production --at "$deployed_at" --by bench \
  --spec "$full/catalog/apis/$service/openapi.yaml" --data-dir "$base_store" >>"$results/setup.txt" 2>&1 \
  || { cat "$results/setup.txt" >&2; die "record-deployment failed"; }
sed 's/^/   /' "$results/setup.txt" >&2

# --- 5. a quiet machine --------------------------------------------------------------------------
bench_wait_quiet "$wait_quiet" "$quiet_load" ">="

{
  bench_machine_facts
  echo "goaccess=$(goaccess --version 2>/dev/null | head -1 | sed 's/^GoAccess - //; s/\.$//')"
  echo "goaccess_package=$(dpkg-query -W -f '${Version}' goaccess 2>/dev/null || echo '?')"
  echo "wc=$(wc --version | head -1)"
  echo "breakwater_commit=$bw_commit"
  echo "breakwater_dirty=$bw_dirty"
  echo "breakwater_source=$bw_source"
  echo "launcher_flags=$launcher_flags"
  echo "size=$size"
  echo "repeat_size=$repeat_size"
  echo "sizes=${sizes[*]}"
  echo "runs=$runs"
  echo "seed=$seed"
  echo "shape=$shape"
  echo "wait_limit=$wait_quiet"
  echo "wait_threshold=$quiet_load"
  echo "waited_seconds=$waited"
  echo "quiet_reached=$quiet_reached"
  echo "load_start=$(loadavg)"
} >"$results/machine.properties"

# --- 6. measurements -------------------------------------------------------------------------------
printf 'phase\ttool\tbytes\tlines\trun\twall_s\tuser_s\tsys_s\trss_kb\texit\tload\n' >"$results/runs.tsv"
# measure PHASE TOOL FILE RUN: one timed run; the store is copied fresh (untimed) for Breakwater.
measure() {
  local phase="$1" tool="$2" file="$3" run="$4" bytes lines out t0 t1 status=0
  bytes="$(stat -c %s "$file")"
  lines="$(awk -F'\t' -v b="$bytes" '$1 == b {print $2}' "$results/lines.tsv")"
  out="$results/out-$tool-$bytes-$phase-$run.txt"
  local cmd=()
  case "$tool" in
    wc) cmd=(wc -l "$file") ;;
    goaccess) cmd=(goaccess "$file" --log-format=COMBINED --no-global-config --no-progress --no-parsing-spinner
                   -o "$build/goaccess-report.html") ;;
    breakwater-2cores) cmd=("$bw" traffic ingest --service "$service" --env production --quiet
                            --data-dir "$build/store-run" "$file") ;;
    breakwater-1core) cmd=(taskset -c 0 "$bw" traffic ingest --service "$service" --env production --quiet
                           --data-dir "$build/store-run" "$file") ;;
  esac
  if [[ "$tool" == breakwater-* ]]; then
    rm -rf "$build/store-run"
    cp -r "$base_store" "$build/store-run"
  fi
  rm -f "$build/goaccess-report.html"
  t0="$(date +%s%N)"
  /usr/bin/time -f '%U %S %M' -o "$results/time.tmp" "${cmd[@]}" >"$out" 2>&1 || status=$?
  t1="$(date +%s%N)"
  # GNU time puts "Command exited with non-zero status N" before its line when the command fails
  read -r user sys rss < <(tail -n 1 "$results/time.tmp") || { user=0; sys=0; rss=0; }
  if [ "$tool" = goaccess ] && [ "$status" = 0 ]; then
    [ -s "$build/goaccess-report.html" ] || status=99 # no report written
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$tool" "$bytes" "$lines" "$run" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')" "$user" "$sys" "$rss" "$status" \
    "$(loadavg)" >>"$results/runs.tsv"
  awk -v b="$bytes" -v a="$t0" -v z="$t1" -v r="$rss" -v s="$status" -v t="$tool" -v n="$run" 'BEGIN {
    w = (z - a) / 1e9; printf "   %-18s run %s: %7.2f s  %8.1f MB/s  peak RSS %6.0f MB  exit %s\n", t, n, w, b / 1e6 / w, r / 1024, s}' >&2
  [ "$status" = 0 ] || echo "   (exit $status; output in $out)" >&2
}
# warm FILE: read it into the page cache (every measure reads a cached file)
warm() { cat "$1" >/dev/null; }

log "counting lines"
: >"$results/lines.tsv"
for b in "${sizes[@]}"; do
  f="$generated/log-$b/access.log"
  printf '%s\t%s\n' "$(stat -c %s "$f")" "$(wc -l <"$f")" >>"$results/lines.tsv"
done

tools=(wc goaccess breakwater-2cores breakwater-1core)
log "main file: $repeat_file ($repeat_size bytes), $runs runs per tool"
for tool in "${tools[@]}"; do
  warm "$repeat_file"
  echo "load_before_$tool=$(loadavg)" >>"$results/machine.properties"
  for run in $(seq 1 "$runs"); do
    measure main "$tool" "$repeat_file" "$run"
  done
done

log "growth: one run per tool and size (peak memory as the file grows)"
for b in "${sizes[@]}"; do
  [ "$b" = "$repeat_size" ] && continue # measured above
  f="$generated/log-$b/access.log"
  for tool in wc goaccess breakwater-2cores; do
    warm "$f"
    measure growth "$tool" "$f" 1
  done
done
rm -rf "$build/store-run" "$base_store" "$build/goaccess-report.html" "$results/time.tmp"

echo "load_end=$(loadavg)" >>"$results/machine.properties"
echo "elapsed_seconds=$(($(date +%s) - started))" >>"$results/machine.properties"

# --- 7. report -----------------------------------------------------------------------------------
report
log "done in $(($(date +%s) - started)) s; raw results in $results"
