#!/usr/bin/env bash
# Breakwater benchmark: breakwater diff vs openapi-diff 2.1.7 on the same pairs, same run.
# One command: builds what it needs (outside the work tree), generates the large pairs into
# bench/work/, measures both tools and rewrites docs/benchmarks.md. See bench/README.md.
#
# Environment (all optional):
#   BW_CHECKOUT=DIR              measure this Breakwater checkout (its ./breakwater launcher builds it
#                                if needed) instead of a fresh clone of this repository's HEAD
#   BENCH_TOOLS=openapi-diff     measure openapi-diff only (e.g. while Breakwater does not build)
#   BENCH_BUILD_DIR=DIR          where the builds happen (default: ${TMPDIR:-/tmp}/breakwater-bench)
#   BENCH_CORPUS=DIR             the Twilio specs (default: ../shared/corpus/twilio from the repo)
#   BENCH_QUICK=1                far fewer runs and iterations: checks the script, numbers are rough
#   BENCH_DOC=FILE               where to write the report (default: docs/benchmarks.md)
set -euo pipefail
unset BREAKWATER_JAVA_OPTS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
pairs_dir="$work/pairs"
results="$work/results"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-bench}"
corpus="${BENCH_CORPUS:-$repo/../shared/corpus/twilio}"
quick="${BENCH_QUICK:-0}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
tools="${BENCH_TOOLS:-breakwater,openapi-diff}"

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
started=$(date +%s)

# --- 0. tools ------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "run.sh: missing ${need[*]} (Debian packages); install them and retry" >&2
    exit 2
  fi
fi
for f in api_v2010.2.0.0.json api_v2010.2.6.7.json; do
  [ -f "$corpus/$f" ] || { echo "run.sh: $corpus/$f not found (set BENCH_CORPUS)" >&2; exit 2; }
done

rm -rf "$results"
mkdir -p "$build" "$pairs_dir" "$results"

# --- 1. Breakwater -------------------------------------------------------------------------
# Breakwater is measured the way users run it: through the checkout's own ./breakwater launcher,
# which builds the jar (and whatever it records after a build, e.g. a class-data-sharing
# archive) on first use. By default that checkout is a fresh clone of this repository's
# committed HEAD, so Maven never runs in the work tree.
bw_jar=""
bw_commit=""
bw_launcher=""
launcher_flags=""
if [[ ",$tools," == *",breakwater,"* ]]; then
  bench_checkout "$build" "$repo"
  bw_launcher="$checkout/breakwater"
  log "building Breakwater with its launcher ($bw_launcher)"
  if "$bw_launcher" --help >"$build/breakwater-build.log" 2>&1 && [ -f "$checkout/target/breakwater.jar" ]; then
    bw_jar="$checkout/target/breakwater.jar"
  else
    echo "run.sh: Breakwater did not build (see $build/breakwater-build.log); measuring openapi-diff only" >&2
  fi
  if [ -n "$bw_jar" ] && ! java -jar "$bw_jar" diff --help >/dev/null 2>&1; then
    echo "run.sh: $bw_jar has no working 'diff' command; measuring openapi-diff only" >&2
    bw_jar=""
  fi
  if [ -n "$bw_jar" ]; then
    # Which JVM options does the launcher pass? Ask it, with a stand-in 'java' that prints them.
    # It sits in a bin/ beside the real JDK's release file: the launcher names its archive after it.
    shim="$(mktemp -d)"
    mkdir "$shim/bin"
    cp "$(dirname "$(readlink -f "$(command -v java)")")/../release" "$shim/release" 2>/dev/null || true
    printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = -jar ] && break; printf "%%s " "$a"; done\n' >"$shim/bin/java"
    chmod +x "$shim/bin/java"
    launcher_flags="$(PATH="$shim/bin:$PATH" "$bw_launcher" --help 2>/dev/null | sed 's/ *$//')"
    rm -rf "$shim"
    echo "   launcher runs: java $launcher_flags -jar target/breakwater.jar ..." >&2
  fi
fi

# --- 2. benchmark module (its own pom, built in a copy) --------------------------------------
log "building bench/ in $build/bench"
rm -rf "$build/bench"
mkdir -p "$build/bench"
cp -r "$bench/pom.xml" "$bench/src" "$build/bench/"
mvn_args=(-q -B package)
[ -n "$bw_jar" ] && mvn_args+=("-Dbw.jar=$bw_jar")
(cd "$build/bench" && mvn "${mvn_args[@]}" >"$build/bench-build.log" 2>&1) \
  || { echo "run.sh: bench build failed, see $build/bench-build.log" >&2; exit 1; }
classes="$build/bench/target/classes"
cp_od="$classes:$(cat "$build/bench/target/cp-openapi-diff.txt")"
cp_bw="$classes:$(cat "$build/bench/target/cp-jmh.txt"):$bw_jar"
od_jar="$build/bench/target/openapi-diff-cli.jar"

# --- 3. pairs --------------------------------------------------------------------------------
log "generating pairs into $pairs_dir"
java -cp "$cp_od" org.breakwater.bench.GeneratePairs \
  "$corpus/api_v2010.2.0.0.json" "$corpus/api_v2010.2.6.7.json" "$pairs_dir" \
  gen-5mb:3 gen-10mb:5 gen-20mb:10 | tee "$results/generate.txt"

# name | old | new | label (nominal size) | whole-process warm-up and timed runs | JMH forks per tool
# The same counts for both tools; fewer runs on the large pairs, where openapi-diff takes seconds
# per run. The checked run before the rounds is one of the warm-up runs.
pairs=(
  "messaging|$corpus/messaging_v1.1.20.0.json|$corpus/messaging_v1.2.6.7.json|0.5 MB|2 8|1"
  "verify|$corpus/verify_v2.1.20.0.json|$corpus/verify_v2.2.6.7.json|0.5 MB|2 8|1"
  "twilio|$corpus/api_v2010.2.0.0.json|$corpus/api_v2010.2.6.7.json|2 MB|1 6|2"
  "gen-5mb|$pairs_dir/gen-5mb.old.json|$pairs_dir/gen-5mb.new.json|5 MB|1 4|1"
  "gen-10mb|$pairs_dir/gen-10mb.old.json|$pairs_dir/gen-10mb.new.json|10 MB|1 3|1"
  "gen-20mb|$pairs_dir/gen-20mb.old.json|$pairs_dir/gen-20mb.new.json|20 MB|1 3|2"
)
# JMH, per fork: time-based warm-up and measurement, sample mode (every comparison timed).
# Breakwater needs about 6 s of warm-up on the twilio pair before C2 has compiled its hot code
# on this 2-core machine; a count of iterations is not enough there. The heap is fixed and
# pre-touched: on this VM the first touch of a memory page is slow (about 2.5 ms per MB), and a
# growing heap otherwise makes comparisons 3-6x slower for seconds at a time, whenever the
# allocation runs into fresh memory, for both tools.
jmh_heap="-Xms3g -Xmx3g -XX:+AlwaysPreTouch"
jmh_opts=(-bm sample -wi 4 -w 2000ms -i 4 -r 2000ms -jvmArgsAppend "$jmh_heap")
[ "$quick" = 1 ] && jmh_opts=(-bm sample -wi 1 -w 500ms -i 1 -r 500ms -jvmArgsAppend "$jmh_heap")

# Optionally wait (up to BENCH_WAIT_QUIET seconds) for the machine to calm down first.
if [ "${BENCH_WAIT_QUIET:-0}" -gt 0 ]; then
  waited=0
  while awk '{exit !($1 >= 1.0)}' /proc/loadavg && [ "$waited" -lt "$BENCH_WAIT_QUIET" ]; do
    [ "$waited" = 0 ] && log "waiting up to ${BENCH_WAIT_QUIET}s for 1-minute load average < 1.0 (now $(cut -d' ' -f1 /proc/loadavg))"
    sleep 15
    waited=$((waited + 15))
  done
fi

# --- 4. machine ------------------------------------------------------------------------------
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory=$(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel=$(uname -sr)"
  echo "java=$(java -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
  echo "hyperfine=$(hyperfine --version)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "breakwater_commit=$bw_commit"
  echo "breakwater_measured=$([ -n "$bw_jar" ] && echo yes || echo no)"
  echo "launcher_flags=$launcher_flags"
  echo "quick=$quick"
  echo "jmh_opts=${jmh_opts[*]:0:10}"
  echo "jmh_heap=$jmh_heap"
} >"$results/machine.properties"
: >"$results/pairs.tsv"
for p in "${pairs[@]}"; do
  IFS='|' read -r name old new label _ _ <<<"$p"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$old" "$new" "$label" "$(stat -c %s "$old")" "$(stat -c %s "$new")" >>"$results/pairs.tsv"
done
java -cp "$classes" org.breakwater.bench.NoiseProbe >"$results/noise-start.txt"
echo "   noise probe (ms, sorted): $(cat "$results/noise-start.txt")" >&2

# --- 5. measurements ------------------------------------------------------------------------
# A third Breakwater configuration: the launcher's options minus the C1-only limit (full tiered
# compilation, C2 included), to show whether C1-only costs time on large inputs.
c2_opts="$(printf '%s\n' "$launcher_flags" | sed 's/-XX:TieredStopAtLevel=[0-9]*//; s/  */ /g; s/^ //; s/ $//')"
echo "c2_opts=$c2_opts" >>"$results/machine.properties"
q() { printf '%q' "$1"; }
loadavg() { printf '%s\t%s\t%s\n' "$1" "$2" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/load.tsv"; }

# checked_run ID COMMAND...: one run with its output, exit code and max RSS kept.
checked_run() {
  local id="$1"
  shift
  set +e
  /usr/bin/time -f '%M %e %x' -o "$results/check-$id.time" "$@" >"$results/out-$id.txt" 2>"$results/err-$id.txt"
  set -e
  tail -1 "$results/check-$id.time" | awk -v id="$id" '{printf "   %s: exit %s, %s s, %.0f MB max RSS\n", id, $3, $2, $1/1024}' >&2
}

# whole_process PAIR WARMUPS RUNS ID=COMMAND ...: the commands take turns, round by round
# (order reversed every other round), so that the machine's noise falls on all of them alike.
# Each round is one hyperfine call with one run per command; every run is wrapped in
# /usr/bin/time, so each run also yields its max RSS.
whole_process() {
  local pair="$1" w="$2" r="$3"
  shift 3
  local ids=() cmds=() spec
  for spec in "$@"; do ids+=("${spec%%=*}"); cmds+=("${spec#*=}"); done
  local n=${#ids[@]} k j kind order
  mkdir -p "$results/rounds"
  for ((k = 0; k < w + r; k++)); do
    kind=run
    [ "$k" -lt "$w" ] && kind=warmup
    local args=()
    if ((k % 2 == 0)); then order=$(seq 0 $((n - 1))); else order=$(seq $((n - 1)) -1 0); fi
    for j in $order; do
      args+=(-n "${ids[j]}@$kind" "/usr/bin/time -f %M -a -o $(q "$results/rss-${ids[j]}-$kind.txt") ${cmds[j]}")
    done
    hyperfine -N -i --style basic -r 1 --export-json "$results/rounds/$pair-$k.json" "${args[@]}" \
      >>"$results/rounds/$pair.log" 2>&1 || echo "   hyperfine failed on $pair round $k (see $results/rounds/$pair.log)" >&2
  done
}

# jmh TOOL PAIR FORK CLASSPATH BENCHMARK OLD NEW
jmh() {
  local tool="$1" pair="$2" fork="$3" cp="$4" bm="$5" old="$6" new="$7"
  local out="$results/jmh-$tool-$pair-f$fork"
  java -cp "$cp" org.openjdk.jmh.Main "$bm\$" -f 1 "${jmh_opts[@]}" -tu ms -prof gc \
    -p oldSpec="$old" -p newSpec="$new" -p countsFile="$results/counts-$tool-$pair.json" \
    -rf json -rff "$out.json" >"$out.log" 2>&1 \
    || echo "   JMH failed for $tool on $pair (see $out.log)" >&2
  if [ -f "$out.json" ]; then
    echo "   $tool in-process on $pair, fork $fork: median $(grep -o '"50.0" : [0-9.]*' "$out.json" | head -1 | awk '{printf "%.1f", $3}') ms" >&2
  fi
}

for p in "${pairs[@]}"; do
  IFS='|' read -r name old new label hf forks <<<"$p"
  read -r hw hr <<<"$hf"
  if [ "$quick" = 1 ]; then hw=1; hr=2; forks=1; fi
  q_old="$(q "$old")"
  q_new="$(q "$new")"

  log "$name ($label): whole process, $hw warm-up + $hr timed runs each, interleaved"
  loadavg "$name" whole
  specs=()
  if [ -n "$bw_jar" ]; then
    checked_run "bw-launcher-$name" "$bw_launcher" diff "$old" "$new"
    checked_run "bw-default-$name" java -jar "$bw_jar" diff "$old" "$new"
    checked_run "bw-c2-$name" env "BREAKWATER_JAVA_OPTS=$c2_opts" "$bw_launcher" diff "$old" "$new"
    specs+=("bw-launcher-$name=$(q "$bw_launcher") diff $q_old $q_new")
    specs+=("bw-default-$name=java -jar $(q "$bw_jar") diff $q_old $q_new")
    specs+=("bw-c2-$name=env $(q "BREAKWATER_JAVA_OPTS=$c2_opts") $(q "$bw_launcher") diff $q_old $q_new")
  fi
  checked_run "od-$name" java -jar "$od_jar" "$old" "$new" --fail-on-incompatible
  specs+=("od-$name=java -jar $(q "$od_jar") $q_old $q_new --fail-on-incompatible")
  whole_process "$name" "$((hw - 1))" "$hr" "${specs[@]}"

  log "$name ($label): in process (JMH), $forks fork(s) per tool, alternating tools"
  loadavg "$name" inproc
  for ((f = 1; f <= forks; f++)); do
    if [ -n "$bw_jar" ]; then
      jmh breakwater "$name" "$f" "$cp_bw" BreakwaterBench.compare "$old" "$new"
    fi
    jmh openapi-diff "$name" "$f" "$cp_od" OpenApiDiffBench.fromLocations "$old" "$new"
    if [ "$name" = twilio ] && [ "$f" = 1 ]; then
      jmh openapi-diff-contents "$name" "$f" "$cp_od" OpenApiDiffBench.fromContents "$old" "$new"
    fi
  done
done
java -cp "$classes" org.breakwater.bench.NoiseProbe >"$results/noise-end.txt"
echo "   noise probe (ms, sorted): $(cat "$results/noise-end.txt")" >&2

# Breakwater's own report of each pair, machine-readable, for the findings table.
if [ -n "$bw_jar" ]; then
  for p in "${pairs[@]}"; do
    IFS='|' read -r name old new _ <<<"$p"
    set +e
    "$bw_launcher" diff "$old" "$new" --format json >"$results/bw-json-$name.json" 2>"$results/bw-json-$name.err"
    echo $? >"$results/bw-json-$name.exit"
    set -e
  done
fi

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/machine.properties"
echo "elapsed_seconds=$(($(date +%s) - started))" >>"$results/machine.properties"

# --- 6. report -------------------------------------------------------------------------------
log "writing $doc"
java -cp "$cp_od" org.breakwater.bench.WriteReport "$results" "$doc"
log "done in $(($(date +%s) - started)) s; raw results in $results"
