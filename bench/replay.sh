#!/usr/bin/env bash
# Breakwater replay benchmark (issue 15's performance targets, in one run): 100,000 sampled calls
# (bench data: 8 pkgdb-like operations, 60 callers, skewed ids; about 30% of the pairs differ)
# replayed against two local stand-in servers (own JVMs, answers prepared at start: they stand in
# for real servers on other machines) answering ~5 kB JSON as 1.9 and 2.0; every pair compared
# (status, media type, JSON structure). Measures compared pairs per second of the replay process
# (ReplayEngine + HttpFetcher + ReplayTally), its CPU time per pair and peak RSS, the servers' CPU,
# and what the servers alone can answer (wrk: the ceiling); then the body comparison alone in
# process (CompareBench: the replay's mix, and every pair differing); then JUnit ingestion of a
# 50 MB report (bench/junit.sh, beside Python's ElementTree). Targets: >= 1,000 pairs/s end to end
# on the 2-core machine with peak memory < 300 MB; >= 20,000 pairs/s for the comparison alone;
# the JUnit read < 2 s. Writes its section of docs/benchmarks.md (between
# <!-- replay-benchmark:begin --> and <!-- replay-benchmark:end -->) and junit.sh writes its own.
# About 5-7 minutes on a quiet machine (most of it builds).
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
#   REPLAY_JUNIT=0           skip the JUnit ingestion measure (bench/junit.sh; default 1)
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
junit="${REPLAY_JUNIT:-1}"
wait_quiet="${BENCH_WAIT_QUIET:-0}"
started=$(date +%s)

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "replay.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac
for v in calls concurrency pairs junit wait_quiet; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "replay.sh: $v must be a whole number, not '${!v}'" >&2; exit 2; }
done

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
[ -x /usr/bin/time ] || { echo "replay.sh: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
command -v wrk >/dev/null || { echo "replay.sh: needs wrk (Debian package 'wrk') for the servers' ceiling" >&2; exit 2; }

mkdir -p "$build"
bench_checkout "$build" "$repo"
log "building $checkout (test classes) into $build/target"
(cd "$checkout" && mvn -B -o -q test-compile -Dbw.buildDir="$build/target" \
  && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dbw.buildDir="$build/target" >/dev/null)
cp="$build/target/classes:$build/target/test-classes:$(cat "$build/cp.txt")"

bench_wait_quiet "$wait_quiet" 1.0
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
tck="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

servers=()
cleanup() { for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; servers=(); }
trap cleanup EXIT
rm -f "$build/baseline.port" "$build/candidate.port"
for variant in baseline candidate; do
  java -Xmx64m -cp "$cp" org.breakwater.staging.replay.BenchServer "$variant" "$build/$variant.port" &
  servers+=("$!")
done
for _ in $(seq 100); do
  [ -f "$build/baseline.port" ] && [ -f "$build/candidate.port" ] && break
  sleep 0.2
done
[ -f "$build/candidate.port" ] || { echo "replay.sh: the stand-in servers did not start" >&2; exit 3; }
base_url="http://127.0.0.1:$(cat "$build/baseline.port")"
cand_url="http://127.0.0.1:$(cat "$build/candidate.port")"

log "the stand-in servers alone: wrk, $concurrency connections, 10 s on the baseline"
wrk -t2 -c"$concurrency" -d10s "$base_url/api/package/python-requests" | tee "$build/wrk.out" >&2
wrk_rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$build/wrk.out")"
ticks0=$(( $(cpu_ticks "${servers[0]}") + $(cpu_ticks "${servers[1]}") ))

log "replaying $calls calls (concurrency $concurrency, -Xmx$heap)"
/usr/bin/time -f "user=%U sys=%S maxrss_kb=%M" -o "$build/replay.time" java -Xmx"$heap" -cp "$cp" \
  org.breakwater.staging.replay.ReplayBench "$base_url" "$cand_url" "$calls" "$concurrency" | tee "$build/replay.out" >&2
ticks1=$(( $(cpu_ticks "${servers[0]}") + $(cpu_ticks "${servers[1]}") ))
cleanup
cat "$build/replay.time" >&2

log "comparing bodies alone ($pairs pairs, 5 runs per workload)"
java -cp "$cp" org.breakwater.staging.replay.CompareBench "$pairs" 5 | tee "$build/compare.out" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

val() { sed -n "s/^$1=//p" "$2"; }
rate="$(val pairs_per_s "$build/replay.out")"
summary="$(grep '^replay:' "$build/replay.out")"
rss_mb=$(( $(tr ' ' '\n' < "$build/replay.time" | val maxrss_kb /dev/stdin) / 1024 ))
cpu_s="$(tr ' ' '\n' < "$build/replay.time" | awk -F= '$1 == "user" || $1 == "sys" {t += $2} END {printf "%.1f", t}')"
cpu_pair="$(awk -v t="$cpu_s" -v n="$calls" 'BEGIN {printf "%.0f", t * 1e6 / n}')"
steady="$(val steady_cpu_us_per_pair "$build/replay.out")"
differing="$(val differing_pct "$build/replay.out")"
servers_pair="$(awk -v t=$((ticks1 - ticks0)) -v k="$tck" -v n="$calls" 'BEGIN {printf "%.0f", t / k * 1e6 / n}')"
best() { grep "^$1 run" "$build/compare.out" | sed -n 's/.*: \([0-9]*\) pairs\/s; .*, \([0-9.]*\) us CPU per pair.*/\1 \2/p' | sort -n | tail -1; }
read -r mix mix_us <<<"$(best mix)"
read -r diff diff_us <<<"$(best differing)"
verdict() { if [ "$1" "$2" "$3" ]; then echo met; else echo "missed"; fi; }

junit_row="| JUnit XML ingestion, 50 MB report | not measured (REPLAY_JUNIT=0) | Python ElementTree | < 2,000 ms | |"
if [ "$junit" != 0 ]; then
  log "JUnit ingestion: bench/junit.sh on the same checkout"
  BW_CHECKOUT="$checkout" BENCH_DOC="$doc" BENCH_BUILD_DIR="$build/junit" "$bench/junit.sh"
  med() { awk -F'\t' -v t="$1" 'NR > 1 && $1 == t {print $4}' "$bench/work/results/junit/runs.tsv" | sort -n \
    | awk '{v[NR] = $1} END {printf "%.0f", v[int((NR + 1) / 2)]}'; }
  jbw="$(med breakwater)"
  jpy="$(med python-etree)"
  junit_row="| JUnit XML ingestion: 50 MB report read by \`JunitReader\` (median, fresh JVM per run; section below) | $jbw ms | Python ElementTree: $jpy ms | < 2,000 ms | $(verdict "$jbw" -lt 2000) |"
fi

report="$build/report.md"
{
  echo "<!-- replay-benchmark:begin -->"
  echo "## Replay of sampled production calls (bench/replay.sh)"
  echo
  echo "_Generated by \`bench/replay.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') in $(( $(date +%s) - started )) s. Do not edit by hand: rerun the script._"
  echo
  echo "On $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), Breakwater $bw_commit;"
  echo "1-minute load average $load_before before, $load_after after. Other work on the machine competes for"
  echo "the cores: wall-clock rates taken under load are lower bounds; CPU time per pair moves far less."
  echo
  echo "| Measure | Breakwater | Peer / ceiling | Target | |"
  echo "|---|---|---|---|---|"
  echo "| replay end to end: $calls sampled calls, two stand-in servers (own JVMs), ~5 kB JSON, concurrency $concurrency, $differing% of pairs differing | $rate pairs/s | the servers alone (wrk, $concurrency connections): $wrk_rps answers/s, $(( wrk_rps / 2 )) pairs/s | >= 1,000 pairs/s | $(verdict "$rate" -ge 1000) |"
  echo "| peak RSS of the replay process (-Xmx$heap) | $rss_mb MB | | < 300 MB | $(verdict "$rss_mb" -lt 300) |"
  echo "| CPU time of the replay process (user+sys, JIT and GC included) | $cpu_s s: $cpu_pair us per pair ($steady us once warm) | the two servers: $servers_pair us per pair | | |"
  echo "| body comparison alone, in process: the replay's mix, best of 5 runs of $pairs pairs | $mix pairs/s ($mix_us us CPU per pair) | | >= 20,000 pairs/s | $(verdict "$mix" -ge 20000) |"
  echo "| body comparison alone: every pair differing (package ACLs, devel/master) | $diff pairs/s ($diff_us us CPU per pair) | | >= 20,000 pairs/s | $(verdict "$diff" -ge 20000) |"
  echo "$junit_row"
  echo
  echo "Verdicts are on wall-clock rates. With the load average above the $(nproc) cores, judge the in-process"
  echo "figures by CPU: the comparison makes $(awk -v u="$mix_us" 'BEGIN {printf "%.0f", 1e6 / u}') (mix) and $(awk -v u="$diff_us" 'BEGIN {printf "%.0f", 1e6 / u}') (all differing) pairs per CPU second"
  echo "on one thread, which is its rate on one idle core. The JUnit section below has its own figures."
  echo
  echo "Replay run: \`$summary\`"
  echo
  echo "What the replay found (the groups of its report):"
  echo
  echo '```'
  grep '^  ' "$build/replay.out" || true
  echo '```'
  echo
  echo "The data (\`ReplayData\`, seeded): 8 pkgdb-like operations answering ~5 kB JSON; the candidate renames"
  echo "\`devel\` to \`master\` in the package answers of packages with a rawhide branch, adds a field to collections,"
  echo "lists fewer packages for some packagers, drops an endpoint (404), writes search results' fields in another"
  echo "order (no difference), and critpath answers differ in a timestamp only (configured noise); history and bugs"
  echo "answers are identical. 60 callers use 1-3 operations each, package ids skewed towards a popular few."
  echo "The stand-in servers answer from bytes prepared at start (one thread per keep-alive connection, TCP_NODELAY)"
  echo "so that they cost little beside the replay, as real servers on other machines would. Decision 0026."
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
