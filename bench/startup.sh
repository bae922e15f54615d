#!/usr/bin/env bash
# Start-up of a whole-process `breakwater diff` on the twilio pair (1.9 MB, the pair of the
# whole-process target), in one run: Breakwater's launcher on Java 17 (CDS archive), the same
# launcher on a JDK 24+ when one is in /usr/lib/jvm (AOT cache), plain `java -jar`, optionally
# an older commit's launcher (BASELINE_REF), and openapi-diff, the peer. The runs take turns,
# round by round. Reported per configuration: CPU time (user+sys: the figure least moved by
# other processes on a shared machine), wall-clock median, peak RSS, and the number of classes
# the JVM loaded (-Xlog:class+load; deterministic). Writes its section of docs/benchmarks.md
# (between <!-- startup-benchmark:begin --> and <!-- startup-benchmark:end -->), followed by
# bench/startup-notes.md: what was tried for start-up and what each step gave (written by hand).
#
# Usage: bench/startup.sh
#
# Environment (all optional):
#   STARTUP_RUNS=N             timed rounds (default 10; one warm-up round first, not counted)
#   BASELINE_REF=REV           also measure that commit's launcher (e.g. 3bcc4fb, before the start-up work)
#   BW_CHECKOUT=DIR            measure this checkout (its ./breakwater builds it) instead of a clone of HEAD
#   OD_JAR=FILE                openapi-diff CLI jar (default: build bench/ as bench/run.sh does)
#   BENCH_WAIT_QUIET=SECONDS   wait at most that long for the 1-minute load average to fall to
#                              STARTUP_QUIET_LOAD (default 0: do not wait); then measure anyway
#   STARTUP_QUIET_LOAD=X       default 2.0
#   BENCH_BUILD_DIR=DIR        default ${TMPDIR:-/tmp}/breakwater-startup-bench
#   BENCH_DOC=FILE             default docs/benchmarks.md
set -euo pipefail
unset BREAKWATER_JAVA_OPTS JAVA_TOOL_OPTIONS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-startup-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
runs="${STARTUP_RUNS:-10}"
corpus="${BENCH_CORPUS:-$repo/../shared/corpus/twilio}"
[ -d "$corpus" ] || corpus=/work/shared/corpus/twilio
old="$corpus/api_v2010.2.0.0.json"
new="$corpus/api_v2010.2.6.7.json"

log() { printf '\n== %s\n' "$*" >&2; }
. "$bench/lib.sh"
case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
esac
[ -f "$old" ] && [ -f "$new" ] || { echo "startup.sh: the twilio pair is not in $corpus" >&2; exit 2; }
started=$(date +%s)
mkdir -p "$build"
results="$build/results"
rm -rf "$results"
mkdir -p "$results"

# --- builds: each checkout's own launcher builds its jar and records its archive ----------------
bench_checkout "$build" "$repo"
head_commit="$bw_commit"
log "building $checkout with its launcher"
"$checkout/breakwater" --version >"$build/head-build.log" 2>&1 || { cat "$build/head-build.log" >&2; exit 1; }
jdk25=""
for j in /usr/lib/jvm/*/; do
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$j/release" 2>/dev/null || true)"
  if [ -n "$v" ] && [ "$v" -ge 24 ]; then jdk25="${j%/}"; break; fi
done
if [ -n "$jdk25" ]; then
  log "recording the AOT cache for $jdk25"
  PATH="$jdk25/bin:$PATH" "$checkout/breakwater" --version >>"$build/head-build.log" 2>&1
fi
base_commit=""
if [ -n "${BASELINE_REF:-}" ]; then
  base="$build/baseline"
  rm -rf "$base"
  git clone -q "$repo" "$base"
  git -C "$base" checkout -q "$BASELINE_REF"
  base_commit="$(git -C "$base" log -1 --format='%h %s')"
  log "building the baseline $base_commit"
  "$base/breakwater" --version >"$build/base-build.log" 2>&1 || { cat "$build/base-build.log" >&2; exit 1; }
fi
od_jar="${OD_JAR:-}"
if [ -z "$od_jar" ]; then
  log "building bench/ (openapi-diff CLI) in $build/bench"
  rm -rf "$build/bench" && mkdir -p "$build/bench" && cp -r "$bench/pom.xml" "$bench/src" "$build/bench/"
  (cd "$build/bench" && mvn -q -B package -Dbw.jar="$checkout/target/breakwater.jar" >"$build/bench-build.log" 2>&1) \
    || { echo "startup.sh: bench build failed, see $build/bench-build.log" >&2; exit 1; }
  od_jar="$build/bench/target/openapi-diff-cli.jar"
fi

# id|PATH prefix|command (the pair's two files are appended)
configs=("launcher-17||$checkout/breakwater diff")
[ -n "$jdk25" ] && configs+=("launcher-25|$jdk25/bin|$checkout/breakwater diff")
configs+=("java-jar-17||java -jar $checkout/target/breakwater.jar diff")
[ -n "$base_commit" ] && configs+=("baseline-launcher-17||$base/breakwater diff")
configs+=("openapi-diff-17||java -jar $od_jar")

bench_wait_quiet "${BENCH_WAIT_QUIET:-0}" "${STARTUP_QUIET_LOAD:-2.0}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# run ID PATHPREFIX COMMAND...: one run, its CPU, wall time and RSS appended to times.tsv
run_one() {
  local id="$1" prefix="$2" cmd="$3" extra="${4:-}"
  set +e
  env ${prefix:+PATH="$prefix:$PATH"} ${extra:+JAVA_TOOL_OPTIONS="$extra"} /usr/bin/time -f "$id %U %S %e %M %x" -a -o "$results/times.tsv" \
    $cmd "$old" "$new" >"$results/out-$id.txt" 2>"$results/err-$id.txt"
  set -e
}
log "classes loaded, one run each"
for c in "${configs[@]}"; do
  IFS='|' read -r id prefix cmd <<<"$c"
  run_one "$id" "$prefix" "$cmd" "-Xlog:class+load:file=$results/classes-$id.txt"
  echo "$id $(grep -c 'class,load' "$results/classes-$id.txt")" >>"$results/classes.txt"
done
: >"$results/times.tsv"
log "$runs timed rounds (one warm-up round first), the configurations taking turns"
for ((r = 0; r <= runs; r++)); do
  order=("${configs[@]}")
  ((r % 2)) && mapfile -t order < <(printf '%s\n' "${configs[@]}" | tac)
  for c in "${order[@]}"; do
    IFS='|' read -r id prefix cmd <<<"$c"
    if [ "$r" = 0 ]; then
      run_one "warmup" "$prefix" "$cmd"
    else
      run_one "$id" "$prefix" "$cmd"
    fi
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report --------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
figure() { grep "^$1 " "$results/times.tsv" | awk "{print $2}" | median; }
od_cpu="$(figure "openapi-diff-17" '$2+$3')"
od_wall="$(figure "openapi-diff-17" '$4')"
section="$build/section.md"
{
  echo "<!-- startup-benchmark:begin -->"
  echo "## Start-up: whole-process \`diff\` on the twilio pair"
  echo
  echo "_Generated by \`bench/startup.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Do not edit by hand: rerun the script (this section only; \`bench/run.sh\` keeps it)._"
  echo
  echo "One run of the script, every configuration and the peer taking turns round by round: $runs timed rounds after one warm-up round, \`diff\` of \`api_v2010.2.0.0.json\` → \`api_v2010.2.6.7.json\` (1.9 MB), report to a file. **CPU** is user+sys seconds (median): on a shared machine it moves far less than wall time, which also counts the time spent waiting for a core. **Classes** is the number the JVM loaded in one run (\`-Xlog:class+load\`, through JAVA_TOOL_OPTIONS): it does not depend on the load; between two runs of the same jar it moved by 5 of 1,746 (a few lambda forms spun or not). Ratios are openapi-diff ÷ the configuration (above 1: faster than the peer); the whole-process target is 4×."
  echo
  echo "| | |"
  echo "|---|---|"
  bench_machine_facts | sed 's/^\([a-z]*\)=\(.*\)$/| \1 | \2 |/'
  echo "| Load average (1, 5, 15 min) | before: $load_before; after: $load_after (waited ${waited}s for ${STARTUP_QUIET_LOAD:-2.0}: ${quiet_reached}) |"
  echo "| Breakwater | \`$head_commit\` |"
  [ -n "$base_commit" ] && echo "| Baseline | \`$base_commit\` |"
  [ -n "$jdk25" ] && echo "| JDK 24+ | \`$("$jdk25/bin/java" -version 2>&1 | head -1)\` |"
  echo "| Whole run | $(( $(date +%s) - started )) s |"
  echo
  echo "| Configuration | CPU s (median) | CPU ratio | wall s (median) | wall ratio | peak RSS MB | classes loaded | exit |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for c in "${configs[@]}"; do
    IFS='|' read -r id _ _ <<<"$c"
    cpu="$(figure "$id" '$2+$3')"
    wall="$(figure "$id" '$4')"
    rss="$(figure "$id" '$5/1024')"
    code="$(grep "^$id " "$results/times.tsv" | awk '{print $6}' | sort -u | tr '\n' ' ')"
    awk -v id="$id" -v cpu="$cpu" -v wall="$wall" -v rss="$rss" -v ocpu="$od_cpu" -v owall="$od_wall" \
      -v cls="$(awk -v id="$id" '$1 == id {print $2}' "$results/classes.txt")" -v code="$code" \
      'BEGIN {printf "| %s | %.2f | %.2f× | %.2f | %.2f× | %.0f | %s | %s|\n", id, cpu, ocpu / cpu, wall, owall / wall, rss, cls, code}'
  done
  echo
  echo "Configurations: \`launcher-17\` is \`./breakwater\` with Java 17 first on the PATH (C1 only, serial GC, small young generation, dynamic CDS archive recorded from a demo run); \`launcher-25\` the same launcher with the JDK 24+ first on the PATH (an AOT cache, JEP 483/514/515, recorded from the same demo run, instead of the CDS archive); \`java-jar-17\` plain \`java -jar\`; \`baseline-launcher-17\` the baseline commit's launcher; \`openapi-diff-17\` the peer's CLI (\`bench/src/main/java/org/breakwater/bench/OpenApiDiffCli.java\`), JVM defaults, without \`--fail-on-incompatible\` (so it exits 0)."
  echo
  cat "$bench/startup-notes.md"
  echo "<!-- startup-benchmark:end -->"
} >"$section"

if grep -q '<!-- startup-benchmark:begin -->' "$doc"; then
  awk -v f="$section" '
    /<!-- startup-benchmark:begin -->/ { while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- startup-benchmark:end -->/ { skip = 0; next }
    !skip { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { echo; cat "$section"; } >>"$doc"
fi
cat "$section"
log "wrote the start-up section of $doc in $(( $(date +%s) - started )) s; raw results in $results"
