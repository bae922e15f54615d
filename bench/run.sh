#!/usr/bin/env bash
# Breakwater benchmark: breakwater diff vs openapi-diff 2.1.7 on the same pairs, same run.
# One command: builds what it needs (outside the work tree), generates the large pairs into
# bench/work/, measures both tools and rewrites docs/benchmarks.md. See bench/README.md.
#
# Environment (all optional):
#   BW_JAR=/path/breakwater.jar  measure this jar instead of building HEAD of this repository
#   BENCH_TOOLS=openapi-diff     measure openapi-diff only (e.g. while Breakwater does not build)
#   BENCH_BUILD_DIR=DIR          where the builds happen (default: ${TMPDIR:-/tmp}/breakwater-bench)
#   BENCH_CORPUS=DIR             the Twilio specs (default: ../shared/corpus/twilio from the repo)
#   BENCH_QUICK=1                far fewer runs and iterations: checks the script, numbers are rough
#   BENCH_DOC=FILE               where to write the report (default: docs/benchmarks.md)
set -euo pipefail

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

# How Breakwater is run: exactly the JVM flags of the ./breakwater launcher (read from it), and
# the JVM's defaults as a second configuration.
launcher_flags="$(sed -n 's/.*BREAKWATER_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$repo/breakwater" | head -1)"
launcher_flags="${launcher_flags:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"

log() { printf '\n== %s\n' "$*" >&2; }
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
bw_jar=""
bw_commit=""
if [[ ",$tools," == *",breakwater,"* ]]; then
  if [ -n "${BW_JAR:-}" ]; then
    bw_jar="$(cd "$(dirname "$BW_JAR")" && pwd)/$(basename "$BW_JAR")"
    bw_commit="(given jar $BW_JAR)"
  else
    # Build the committed HEAD in a clone, never in the work tree.
    log "building Breakwater (HEAD of $repo) in $build/breakwater"
    rm -rf "$build/breakwater"
    git clone -q "$repo" "$build/breakwater"
    bw_commit="$(git -C "$build/breakwater" log -1 --format='%h %s')"
    if (cd "$build/breakwater" && mvn -q -B -DskipTests package >"$build/breakwater-build.log" 2>&1); then
      bw_jar="$build/breakwater/target/breakwater.jar"
    else
      echo "run.sh: Breakwater did not build (see $build/breakwater-build.log); measuring openapi-diff only" >&2
    fi
  fi
  if [ -n "$bw_jar" ] && ! java -jar "$bw_jar" diff --help >/dev/null 2>&1; then
    echo "run.sh: $bw_jar has no working 'diff' command; measuring openapi-diff only" >&2
    bw_jar=""
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

# name | old | new | label (nominal size) | hyperfine warmups runs (openapi-diff) | JMH warmups iterations (openapi-diff)
# Breakwater gets at least as many runs and iterations (see bw_runs below); it is expected to be faster.
pairs=(
  "messaging|$corpus/messaging_v1.1.20.0.json|$corpus/messaging_v1.2.6.7.json|0.5 MB|2 8|10 20"
  "verify|$corpus/verify_v2.1.20.0.json|$corpus/verify_v2.2.6.7.json|0.5 MB|2 8|10 20"
  "twilio|$corpus/api_v2010.2.0.0.json|$corpus/api_v2010.2.6.7.json|2 MB|1 6|10 20"
  "gen-5mb|$pairs_dir/gen-5mb.old.json|$pairs_dir/gen-5mb.new.json|5 MB|1 4|5 10"
  "gen-10mb|$pairs_dir/gen-10mb.old.json|$pairs_dir/gen-10mb.new.json|10 MB|1 3|4 8"
  "gen-20mb|$pairs_dir/gen-20mb.old.json|$pairs_dir/gen-20mb.new.json|20 MB|1 3|3 6"
)

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
} >"$results/machine.properties"
: >"$results/pairs.tsv"
for p in "${pairs[@]}"; do
  IFS='|' read -r name old new label _ _ <<<"$p"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$old" "$new" "$label" "$(stat -c %s "$old")" "$(stat -c %s "$new")" >>"$results/pairs.tsv"
done

# --- 5. measurements ------------------------------------------------------------------------
q() { printf '%q' "$1"; }

# whole_process NAME WARMUPS RUNS COMMAND... : one captured run (output, exit code, RSS), then
# hyperfine with every run wrapped in /usr/bin/time so each run also yields its max RSS.
whole_process() {
  local id="$1" w="$2" r="$3"
  shift 3
  local cmd="" a
  for a in "$@"; do cmd+="$(q "$a") "; done
  set +e
  /usr/bin/time -f '%M %e %x' -o "$results/check-$id.time" "$@" >"$results/out-$id.txt" 2>"$results/err-$id.txt"
  set -e
  echo "   $id: exit $(awk '{print $3}' "$results/check-$id.time"), $(awk '{print $2}' "$results/check-$id.time") s, $(awk '{printf "%.0f", $1/1024}' "$results/check-$id.time") MB max RSS" >&2
  : >"$results/rss-$id.txt"
  hyperfine -N -i --style basic -w "$w" -r "$r" --export-json "$results/hyperfine-$id.json" \
    -n "$id" "/usr/bin/time -f %M -a -o $(q "$results/rss-$id.txt") $cmd" >"$results/hyperfine-$id.log" 2>&1 \
    || echo "   hyperfine failed for $id (see $results/hyperfine-$id.log)" >&2
}

# jmh TOOL PAIR WARMUPS ITERATIONS CLASSPATH BENCHMARK OLD NEW
jmh() {
  local tool="$1" pair="$2" w="$3" i="$4" cp="$5" bm="$6" old="$7" new="$8"
  java -cp "$cp" org.openjdk.jmh.Main "$bm\$" -f 1 -wi "$w" -i "$i" -bm ss -tu ms -prof gc \
    -p oldSpec="$old" -p newSpec="$new" -p countsFile="$results/counts-$tool-$pair.json" \
    -rf json -rff "$results/jmh-$tool-$pair.json" >"$results/jmh-$tool-$pair.log" 2>&1 \
    || echo "   JMH failed for $tool on $pair (see $results/jmh-$tool-$pair.log)" >&2
  if [ -f "$results/jmh-$tool-$pair.json" ]; then
    echo "   $tool in-process on $pair: median $(grep -o '"50.0" : [0-9.]*' "$results/jmh-$tool-$pair.json" | head -1 | awk '{print $3}') ms" >&2
  fi
}

for p in "${pairs[@]}"; do
  IFS='|' read -r name old new label hf jm <<<"$p"
  read -r hw hr <<<"$hf"
  read -r jw ji <<<"$jm"
  if [ "$quick" = 1 ]; then hw=0; hr=2; jw=2; ji=3; fi
  bw_hr=$((hr < 10 ? 10 : hr)); bw_hw=$((hw < 2 ? 2 : hw))
  bw_jw=$((jw < 10 ? 10 : jw)); bw_ji=$((ji < 20 ? 20 : ji))
  if [ "$quick" = 1 ]; then bw_hw=1; bw_hr=3; bw_jw=3; bw_ji=5; fi

  log "$name ($label): whole process"
  if [ -n "$bw_jar" ]; then
    # shellcheck disable=SC2086
    whole_process "bw-launcher-$name" "$bw_hw" "$bw_hr" java $launcher_flags -jar "$bw_jar" diff "$old" "$new"
    whole_process "bw-default-$name" "$bw_hw" "$bw_hr" java -jar "$bw_jar" diff "$old" "$new"
  fi
  whole_process "od-$name" "$hw" "$hr" java -jar "$od_jar" "$old" "$new" --fail-on-incompatible

  log "$name ($label): in process (JMH)"
  if [ -n "$bw_jar" ]; then
    jmh breakwater "$name" "$bw_jw" "$bw_ji" "$cp_bw" BreakwaterBench.compare "$old" "$new"
  fi
  jmh openapi-diff "$name" "$jw" "$ji" "$cp_od" OpenApiDiffBench.fromLocations "$old" "$new"
  if [ "$name" = twilio ]; then
    jmh openapi-diff-contents "$name" "$jw" "$ji" "$cp_od" OpenApiDiffBench.fromContents "$old" "$new"
  fi
done

# Breakwater's own report of each pair, machine-readable, for the findings table.
if [ -n "$bw_jar" ]; then
  for p in "${pairs[@]}"; do
    IFS='|' read -r name old new _ <<<"$p"
    set +e
    java $launcher_flags -jar "$bw_jar" diff "$old" "$new" --format json >"$results/bw-json-$name.json" 2>"$results/bw-json-$name.err"
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
