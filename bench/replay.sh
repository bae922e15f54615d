#!/usr/bin/env bash
# Breakwater replay benchmark: 100,000 sampled calls replayed against two local stand-in servers
# (separate JVMs) answering ~5 kB pkgdb-like JSON, the baseline and the candidate differing in one
# value per body; every pair compared (status, media type, JSON structure). Measures compared pairs
# per second of the replay process (ReplayEngine + HttpFetcher + ReplayTally) and its peak RSS, then
# the body comparison alone in process (CompareBench). Targets: >= 1,000 pairs/s end to end on the
# 2-core machine with peak memory < 300 MB; >= 20,000 pairs/s for the comparison alone. Writes its
# section of docs/benchmarks.md (between <!-- replay-benchmark:begin --> and
# <!-- replay-benchmark:end -->), leaving the rest of the file alone.
#
# Usage: bench/replay.sh            measure, then write the report
#        bench/replay.sh --help
#
# Environment (all optional):
#   BW_CHECKOUT=DIR          measure that checkout instead of a fresh clone of this repository's HEAD
#   REPLAY_CALLS=N           calls replayed (default 100000)
#   REPLAY_CONCURRENCY=N     calls in flight (default 16)
#   REPLAY_HEAP=SIZE         the replay JVM's -Xmx (default 160m)
#   COMPARE_PAIRS=N          pairs per run of the comparison alone (default 200000; 5 runs, best kept)
#   BENCH_WAIT_QUIET=SECONDS first wait up to that long for the 1-minute load average to fall below 1.0
#   BENCH_BUILD_DIR=DIR      builds (default ${TMPDIR:-/tmp}/breakwater-replay-bench)
#   BENCH_DOC=FILE           the report to update (default: docs/benchmarks.md)
set -euo pipefail
unset BREAKWATER_JAVA_OPTS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-replay-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
calls="${REPLAY_CALLS:-100000}"
concurrency="${REPLAY_CONCURRENCY:-16}"
heap="${REPLAY_HEAP:-160m}"
pairs="${COMPARE_PAIRS:-200000}"
wait_quiet="${BENCH_WAIT_QUIET:-0}"

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "replay.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac
for v in calls concurrency pairs wait_quiet; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "replay.sh: $v must be a whole number, not '${!v}'" >&2; exit 2; }
done

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
[ -x /usr/bin/time ] || { echo "replay.sh: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }

mkdir -p "$build"
bench_checkout "$build" "$repo"
log "building $checkout (test classes) into $build/target"
(cd "$checkout" && mvn -B -o -q test-compile -Dbw.buildDir="$build/target" \
  && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dbw.buildDir="$build/target" >/dev/null)
cp="$build/target/classes:$build/target/test-classes:$(cat "$build/cp.txt")"

bench_wait_quiet "$wait_quiet" 1.0
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

servers=()
cleanup() { for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
rm -f "$build/baseline.port" "$build/candidate.port"
for variant in baseline candidate; do
  java -Xmx96m -cp "$cp" org.breakwater.staging.replay.BenchServer "$variant" "$build/$variant.port" &
  servers+=("$!")
done
for _ in $(seq 100); do
  [ -f "$build/baseline.port" ] && [ -f "$build/candidate.port" ] && break
  sleep 0.2
done
[ -f "$build/candidate.port" ] || { echo "replay.sh: the stand-in servers did not start" >&2; exit 3; }

log "replaying $calls calls (concurrency $concurrency, -Xmx$heap)"
/usr/bin/time -f "maxrss_kb=%M" -o "$build/replay.time" java -Xmx"$heap" -cp "$cp" \
  org.breakwater.staging.replay.ReplayBench "http://127.0.0.1:$(cat "$build/baseline.port")" \
  "http://127.0.0.1:$(cat "$build/candidate.port")" "$calls" "$concurrency" | tee "$build/replay.out" >&2
cleanup
log "comparing bodies alone ($pairs pairs, 5 runs)"
java -cp "$cp" org.breakwater.staging.replay.CompareBench "$pairs" 5 | tee "$build/compare.out" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

rate="$(sed -n 's/^pairs_per_s=//p' "$build/replay.out")"
summary="$(grep '^replay:' "$build/replay.out")"
rss_mb=$(( $(sed -n 's/^maxrss_kb=//p' "$build/replay.time") / 1024 ))
compare="$(sed -n 's/.*: \([0-9]*\) pairs\/s.*/\1/p' "$build/compare.out" | sort -n | tail -1)"
verdict() { if [ "$1" "$2" "$3" ]; then echo met; else echo "missed"; fi; }

report="$build/report.md"
{
  echo "<!-- replay-benchmark:begin -->"
  echo "## Replay of sampled production calls (bench/replay.sh)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"
  echo "Breakwater $bw_commit; 1-minute load average $load_before before, $load_after after (other work on the"
  echo "machine competes for the cores: figures taken under load are lower bounds)."
  echo
  echo "| Measure | Result | Target | |"
  echo "|---|---|---|---|"
  echo "| replay end to end: $calls calls, two stand-in servers (own JVMs), ~5 kB JSON, concurrency $concurrency | $rate pairs/s | >= 1,000 pairs/s | $(verdict "$rate" -ge 1000) |"
  echo "| peak RSS of the replay process (-Xmx$heap) | $rss_mb MB | < 300 MB | $(verdict "$rss_mb" -lt 300) |"
  echo "| body comparison alone, in process, best of 5 runs of $pairs pairs | $compare pairs/s | >= 20,000 pairs/s | $(verdict "$compare" -ge 20000) |"
  echo
  echo "Replay run: \`$summary\`"
  echo "<!-- replay-benchmark:end -->"
} > "$report"
if grep -q '<!-- replay-benchmark:begin -->' "$doc"; then
  awk -v r="$report" 'BEGIN{while((getline l < r) > 0) rep = rep l "\n"}
    /<!-- replay-benchmark:begin -->/{printf "%s", rep; skip=1; next}
    /<!-- replay-benchmark:end -->/{skip=0; next} !skip' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { echo; cat "$report"; } >> "$doc"
fi
cat "$report" >&2
