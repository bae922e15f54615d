#!/usr/bin/env bash
# Breakwater web server load benchmark (issue 5): with the 5,000-service generated catalog and
# 20 deployment plans, drive `GET /api/v1/can-deploy?plan=ID` and the plan page `/plans/ID` of
# `breakwater serve` on loopback at fixed request rates (open loop, latency from each request's
# due time) and at maximum throughput (wrk, closed loop); report throughput and p50/p90/p99/max.
# Target: p99 under 50 ms at 500 requests per second, no errors. Writes its section of
# docs/benchmarks.md (between <!-- load-benchmark:begin --> and <!-- load-benchmark:end -->),
# leaving the rest of the file alone. See bench/README.md.
#
# Usage: bench/load.sh
#
# Environment (all optional):
#   LOAD_SERVICES=N              catalog scale: N services, 4N consumers, 20N deployments (default 5000)
#   LOAD_PLANS=N                 deployment plans created (default 20)
#   LOAD_RATES="R ..."           fixed rates, requests per second (default "250 500"); rates
#                                at 50% and 80% of the measured maximum are added when below the lowest
#   LOAD_DURATION=S              measured seconds per fixed rate (default 10)
#   LOAD_WARMUP=S                warm-up seconds at the same rate before each (default 3)
#   LOAD_GRACE=S                 after the last request is due, wait S seconds for answers (default 5);
#                                requests still open then count as errors ("not completed")
#   LOAD_CONNECTIONS=N           keep-alive connections of the fixed-rate generator (default 32)
#   LOAD_MAX_SECONDS=S           the wrk maximum-throughput run per endpoint (default 10, after as long a warm-up)
#   LOAD_WRK_CONNECTIONS=N       wrk connections (default 4)
#   LOAD_ENDPOINTS="..."         can-deploy and/or plan-page (default both)
#   LOAD_POSTGRES=0              measure SQLite only (default 1: then the same catalog, plans and endpoint
#                                measures on PostgreSQL, an embedded server as the tests use, data under
#                                BENCH_BUILD_DIR, started and stopped by the script; the JVM comparison and
#                                the in-process breakdown run on SQLite only)
#   LOAD_SERVER_OPTS="..."       the measured server's JVM options (default: what ./breakwater gives serve)
#   LOAD_COMPARE_OPTS=1          also compare JVM option sets (default 0: skip it; it adds about 2 minutes)
#   LOAD_COMPARE_SECONDS=S       seconds of wrk per option set, after as long a warm-up (default 10)
#   LOAD_DIAGNOSE=0              skip the in-process breakdown of a can-deploy request (default 1)
#   LOAD_DIAGNOSE_SECONDS=S      warm-up and measured seconds per breakdown measure (default 3)
#   LOAD_WAIT_QUIET=SECONDS      wait up to that long for the 1-minute load average to fall to
#                                LOAD_QUIET_LOAD (default 600; 0: do not wait)
#   LOAD_QUIET_LOAD=X            default 1.5
#   LOAD_REUSE=1                 reuse the store and plans of the previous run in the build directory
#   BENCH_BUILD_DIR=DIR          where the builds and the store go (default ${TMPDIR:-/tmp}/breakwater-load-bench)
#   BENCH_DOC=FILE               the report to update (default: docs/benchmarks.md)
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
  "") ;;
  *) echo "load.sh: unknown argument '$1' (bench/load.sh --help lists its settings)" >&2; exit 2 ;;
esac
unset BREAKWATER_JAVA_OPTS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
generated="$work/load-gen"
results="$work/load-results"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-load-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
services="${LOAD_SERVICES:-5000}"
plan_count="${LOAD_PLANS:-20}"
rates="${LOAD_RATES:-250 500}"
duration="${LOAD_DURATION:-10}"
warmup="${LOAD_WARMUP:-3}"
grace="${LOAD_GRACE:-5}"
connections="${LOAD_CONNECTIONS:-32}"
max_seconds="${LOAD_MAX_SECONDS:-10}"
wrk_connections="${LOAD_WRK_CONNECTIONS:-4}"
endpoints="${LOAD_ENDPOINTS:-can-deploy plan-page}"
postgres="${LOAD_POSTGRES:-1}"
# What ships: the launcher runs serve with G1, the full JIT and the JVM's default heap. A request
# answered from a kept report allocates a few kB (docs/benchmarks.md, "Where a request's time goes"),
# so no fixed large heap is needed; LOAD_SERVER_OPTS measures another set.
server_opts="${LOAD_SERVER_OPTS:--XX:+UseG1GC}"
compare_opts="${LOAD_COMPARE_OPTS:-0}"
compare_seconds="${LOAD_COMPARE_SECONDS:-10}"
diagnose="${LOAD_DIAGNOSE:-1}"
diagnose_seconds="${LOAD_DIAGNOSE_SECONDS:-3}"
wait_quiet="${LOAD_WAIT_QUIET:-600}"
quiet_load="${LOAD_QUIET_LOAD:-1.5}"
reuse="${LOAD_REUSE:-0}"
# The option sets compared (label|options); the measured server's own set is added to them.
compare_sets=(
  "launcher (CLI) options|-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn12m"
  "JVM defaults (G1, C2, max heap 1/4 of RAM)|"
  "parallel collector, fixed 1 GB heap|-XX:+UseParallelGC -Xms1g -Xmx1g -XX:+AlwaysPreTouch"
  "parallel collector, fixed 2 GB heap, 1.2 GB young generation|-XX:+UseParallelGC -Xms2g -Xmx2g -Xmn1200m -XX:+AlwaysPreTouch"
)

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date +%s)

for tool in java mvn git curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "load.sh: $tool not found" >&2; exit 2; }
done
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }
  fi
  command -v wrk >/dev/null 2>&1 || { echo "load.sh: wrk not found (apt-get install wrk)" >&2; exit 2; }
fi
rm -rf "$results"
mkdir -p "$build" "$results"

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

# --- 1. Breakwater, built by its own launcher in the work tree -------------------------------
# Others may be editing src/ while this runs: a failed build is retried a minute later, and the
# jar is copied once built, so that a rebuild during the run cannot change what is measured.
log "building Breakwater with its launcher ($repo/breakwater)"
attempt=1
until "$repo/breakwater" --help >"$build/breakwater-build.log" 2>&1 && [ -f "$repo/target/breakwater.jar" ]; do
  if [ "$attempt" -ge 5 ]; then
    echo "load.sh: Breakwater did not build after $attempt attempts (see $build/breakwater-build.log)" >&2
    exit 1
  fi
  echo "   build failed (attempt $attempt); retrying in 60 s" >&2
  sleep 60
  attempt=$((attempt + 1))
done
if [ "$reuse" = 1 ] && [ -f "$build/breakwater.jar" ] && [ -f "$build/store/breakwater.db" ]; then
  echo "   LOAD_REUSE=1: keeping $build/breakwater.jar and the store built with it" >&2
else
  cp "$repo/target/breakwater.jar" "$build/breakwater.jar"
  reuse=0
fi
bw_jar="$build/breakwater.jar"
commit="$(git -C "$repo" log -1 --format='%h %s')"
dirty="$(git -C "$repo" status --porcelain -- src pom.xml | wc -l)"
dirty_note=""
[ "$dirty" -gt 0 ] && dirty_note="$dirty file(s) under src/ and pom.xml"
for cmd in "serve" "catalog import" "plan create"; do
  # shellcheck disable=SC2086
  java -jar "$bw_jar" $cmd --help >/dev/null 2>&1 || { echo "load.sh: $bw_jar has no '$cmd' command" >&2; exit 1; }
done

# --- 2. the benchmark module (generator, setup, load generator, report), built in a copy -------
log "building bench/ in $build/bench"
rm -rf "$build/bench"
mkdir -p "$build/bench"
cp -r "$bench/pom.xml" "$bench/src" "$build/bench/"
(cd "$build/bench" && mvn -q -B compile "-Dbw.jar=$bw_jar" >"$build/bench-build.log" 2>&1 \
  && mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided \
    "-Dmdep.outputFile=$build/cp-provided.txt" >>"$build/bench-build.log" 2>&1) \
  || { echo "load.sh: bench build failed, see $build/bench-build.log" >&2; exit 1; }
classes="$build/bench/target/classes"
cp_bench="$bw_jar:$classes"
# embedded PostgreSQL and its libraries only (as bench/catalog.sh): Breakwater's jar brings the rest
cp_pg="$(tr ':' '\n' <"$build/cp-provided.txt" \
  | grep -E '/io/zonky/|/commons-lang3/|/commons-compress/|/org/tukaani/xz/|/commons-io/|/commons-codec/' | paste -sd: -)"

# --- 3. the store: catalog, deployments, plans -----------------------------------------------------
store="$build/store"
db="jdbc:sqlite:$store/breakwater.db"
setup="$build/setup"
pg_pid=""
stop_pg() {
  if [ -n "$pg_pid" ]; then
    kill "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
    pg_pid=""
  fi
}
# start_pg: the embedded PostgreSQL over $build/pg-data (kept for LOAD_REUSE=1); sets pg_url
start_pg() {
  rm -f "$build/pg.properties"
  java -cp "$cp_bench:$cp_pg" org.breakwater.bench.load.LoadPostgres "$build/pg-data" "$build/pg.properties" \
    < <(sleep 86400) >"$build/pg.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 240); do
    [ -s "$build/pg.properties" ] && break
    kill -0 "$pg_pid" 2>/dev/null || { echo "load.sh: PostgreSQL did not start, see $build/pg.log" >&2; exit 1; }
    sleep 0.5
  done
  pg_url="$(sed -n 's/^url=//p' "$build/pg.properties")"
  [ -n "$pg_url" ] || { echo "load.sh: PostgreSQL did not start in 120 s, see $build/pg.log" >&2; exit 1; }
}
trap 'stop_server; stop_pg' EXIT

# setup_store DB STORE_DIR SETUP_DIR: catalog import, deployments, plans into the store at DB
setup_store() {
  local db="$1" store="$2" setup="$3"
  rm -rf "$store" "$setup"
  mkdir -p "$store" "$setup"
  if [ ! -f "$generated/.done" ]; then
    log "generating the catalog into $generated ($services services)"
    rm -rf "$generated"
    java -cp "$classes" org.breakwater.bench.catalog.GenerateCatalog "$generated" \
      --services "$services" --consumers $((services * 4)) --deployments $((services * 20)) >"$build/generate.txt"
    echo "$services" >"$generated/.done"
  fi
  cp "$build/generate.txt" "$setup/generate.txt"
  cat "$setup/generate.txt"
  log "importing it: breakwater catalog import"
  import_start=$(date +%s%N)
  java -jar "$bw_jar" catalog import "$generated/catalog" --db "$db" | tee "$setup/import.txt"
  echo "import_ms=$((($(date +%s%N) - import_start) / 1000000))" >"$setup/import.properties"
  log "recording the deployments and choosing the plans' releases"
  java -cp "$cp_bench" org.breakwater.bench.load.LoadSetup record --generated "$generated" --db "$db" \
    --data-dir "$store" --out "$setup" --plans "$plan_count" --record-seconds 10
  log "creating $plan_count plans: breakwater plan create --release S=V --spec S=FILE --scheduled"
  while IFS=$'\t' read -r svc ver spec _; do
    java -XX:TieredStopAtLevel=1 -jar "$bw_jar" plan create --db "$db" --release "$svc=$ver" --spec "$svc=$spec" \
      --start '2027-03-02 14:00' --duration 2h --owner load-bench --scheduled --title "load bench: $svc $ver" \
      | head -1 | sed 's/^/   /'
  done <"$setup/plans.tsv"
}
rm -f "$generated/.done"
if [ "$reuse" != 1 ]; then
  setup_store "$db" "$store" "$setup"
else
  log "LOAD_REUSE=1: reusing the store in $store"
fi
cp "$setup/generate.txt" "$setup/import.txt" "$setup/import.properties" "$setup/setup.properties" "$setup/plans.tsv" \
  "$results/"
log "assessing each plan once (for the report)"
java -cp "$cp_bench" org.breakwater.bench.load.LoadSetup describe --db "$db" --data-dir "$store" --out "$results"
plan_ids="$(sed -n 's/^plan_ids=//p' "$results/plans.properties")"
for id in ${plan_ids//,/ }; do echo "/api/v1/can-deploy?plan=$id"; done >"$results/paths-can-deploy.txt"
for id in ${plan_ids//,/ }; do echo "/plans/$id"; done >"$results/paths-plan-page.txt"
for e in can-deploy plan-page; do
  {
    echo "-- the paths in turn, one per request"
    echo "local paths = {"
    sed 's/.*/  "&",/' "$results/paths-$e.txt"
    echo "}"
    echo "local i = 0"
    echo "request = function()"
    echo "  i = i + 1"
    echo "  return wrk.format(\"GET\", paths[(i % #paths) + 1])"
    echo "end"
  } >"$results/paths-$e.lua"
done

# --- 4. a quiet machine --------------------------------------------------------------------------
bench_wait_quiet "$wait_quiet" "$quiet_load"

{
  bench_machine_facts
  echo "wrk=$(wrk -v 2>&1 | head -1)"
  echo "commit=$commit"
  echo "dirty=$dirty_note"
  echo "services=$services"
  echo "consumers=$((services * 4))"
  echo "deployments=$((services * 20))"
  echo "plans=$plan_count"
  echo "store=SQLite, $store (${TMPDIR:-/tmp})"
  echo "server_opts=$server_opts"
  echo "rates=$rates"
  echo "duration=$duration"
  echo "warmup=$warmup"
  echo "grace=$grace"
  echo "connections=$connections"
  echo "max_seconds=$max_seconds"
  echo "wrk_connections=$wrk_connections"
  echo "compare_seconds=$compare_seconds"
  echo "diagnose_seconds=$diagnose_seconds"
  echo "endpoints=$endpoints"
  echo "wait_limit=$wait_quiet"
  echo "wait_threshold=$quiet_load"
  echo "waited_seconds=$waited"
  echo "quiet_reached=$quiet_reached"
  echo "load_start=$(loadavg)"
} >"$results/machine.properties"

# --- 5. the server ------------------------------------------------------------------------------
server_port=""
# start_server OPTIONS...: java OPTIONS -jar breakwater.jar serve on a free loopback port
start_server() {
  local out="$results/server-$1.out" err="$results/server-$1.log"
  shift
  java "$@" -jar "$bw_jar" serve --db "$db" --bind 127.0.0.1 --port 0 >"$out" 2>"$err" &
  server_pid=$!
  for _ in $(seq 1 120); do
    server_port="$(sed -n 's#^Breakwater serves http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$out")"
    [ -n "$server_port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "load.sh: the server stopped, see $err" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$server_port" ] || { echo "load.sh: the server did not start in 60 s, see $err" >&2; exit 1; }
  curl -fsS "http://127.0.0.1:$server_port/healthz" >/dev/null
}
# wait_idle: until the server has used under 5% of a core for a whole second (at most 90 s): an
# overloaded run leaves requests the generator gave up on, which the server still works through.
wait_idle() {
  local ticks before after waited=0
  ticks="$(getconf CLK_TCK)"
  while [ "$waited" -lt 90 ]; do
    before="$(awk '{print $14 + $15}' "/proc/$server_pid/stat" 2>/dev/null || echo 0)"
    sleep 1
    after="$(awk '{print $14 + $15}' "/proc/$server_pid/stat" 2>/dev/null || echo 0)"
    waited=$((waited + 1))
    [ $((after - before)) -le $((ticks / 20)) ] && break
  done
  [ "$waited" -gt 2 ] && echo "   waited ${waited} s for the server to go idle" >&2
  echo "$waited" >>"$results/idle-waits.txt"
}
# server_cpu_ticks: the server process's CPU time so far (user + system, clock ticks)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat" 2>/dev/null || echo 0; }
server_rss() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status" 2>/dev/null || echo "?"; }

# wrk_run NAME ENDPOINT SECONDS CONNECTIONS: closed-loop wrk over the endpoint's paths
wrk_run() {
  wrk -t2 -c"$4" -d"$3"s --timeout 30s --latency -s "$results/paths-$2.lua" "http://127.0.0.1:$server_port" \
    >"$results/$1.txt" 2>&1 || true
  echo "load_end=$(loadavg)" >>"$results/$1.txt"
  grep -E 'Requests/sec|^ +(50|99)%|Non-2xx|Socket errors' "$results/$1.txt" | sed 's/^ */   /' >&2 || true
}

# --- 5a. which JVM options: each set under wrk on can-deploy ---------------------------------------
if [ "$compare_opts" = 1 ]; then
  n=0
  for set in "${compare_sets[@]}" "measured server options|$server_opts"; do
    n=$((n + 1))
    label="${set%%|*}"
    opts="${set#*|}"
    log "JVM options $n: $label: ${opts:-(none)}"
    # shellcheck disable=SC2086
    start_server "jvm-$n" $opts -Xlog:gc:file="$results/gc-jvm-$n.log"
    { echo "label=$label"; echo "opts=$opts"; echo "load_start=$(loadavg)"; } >"$results/jvm-$n.properties"
    wrk_run "jvm-$n-warmup" can-deploy "$compare_seconds" "$wrk_connections" 2>/dev/null
    wrk_run "jvm-$n" can-deploy "$compare_seconds" "$wrk_connections"
    echo "rss_mb=$(server_rss)" >>"$results/jvm-$n.properties"
    stop_server
  done
fi

# --- 5b. the endpoints: warm-up, maximum throughput, fixed rates -----------------------------------
# measure_endpoints: a server on $db; each endpoint's maximum and fixed rates into $results
measure_endpoints() {
# shellcheck disable=SC2086
start_server main $server_opts -Xlog:gc:file="$results/gc.log"
log "server: java $server_opts -jar breakwater.jar serve (port $server_port)"
for e in $endpoints; do
  wait_idle
  log "$e: each path once (size and time of a lone request)"
  while read -r path; do
    printf '%s %s\n' "$path" "$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' \
      "http://127.0.0.1:$server_port$path")"
  done <"$results/paths-$e.txt" >"$results/sizes-$e.txt"
  log "$e: warm-up, ${max_seconds} s of wrk"
  wrk_run "max-$e-warmup" "$e" "$max_seconds" "$wrk_connections" 2>/dev/null
  log "$e: maximum throughput, wrk -c$wrk_connections for ${max_seconds} s"
  echo "load_start=$(loadavg)" >"$results/max-$e.properties"
  cpu_before="$(server_cpu_ticks)"
  wrk_run "max-$e" "$e" "$max_seconds" "$wrk_connections"
  { echo "cpu_ticks=$(($(server_cpu_ticks) - cpu_before))"; echo "clk_tck=$(getconf CLK_TCK)"; } >>"$results/max-$e.properties"
  max_rps="$(awk '/^Requests\/sec:/ {print $2}' "$results/max-$e.txt")"
  lowest="${rates%% *}"
  extra=""
  for share in 50 80; do
    r="$(awk -v m="${max_rps:-0}" -v s="$share" 'BEGIN {r = m * s / 100; if (r >= 10) printf "%d", r; else printf "%.1f", r}')"
    if awk -v r="$r" -v low="$lowest" 'BEGIN {exit !(r >= 0.5 && r < low)}'; then
      extra="$extra $r"
      echo "auto_$r=$share" >>"$results/max-$e.properties"
    fi
  done
  kept_up=1
  for rate in $extra $rates; do
    wait_idle
    # Once the server has fallen behind at a lower rate, a warm-up at a higher one would only leave
    # more abandoned work behind: the JIT is warm by then.
    rate_warmup="$warmup"
    [ "$kept_up" = 1 ] || rate_warmup=0
    log "$e: $rate requests per second for ${duration} s (after ${rate_warmup} s of warm-up), $connections connections"
    java -cp "$classes" org.breakwater.bench.load.LoadGen --port "$server_port" --paths "$results/paths-$e.txt" \
      --rate "$rate" --duration "$duration" --warmup "$rate_warmup" --grace "$grace" --connections "$connections" \
      --label "$e@$rate" --out "$results/rate-$e-$rate.properties"
    kept_up="$(awk -F= '/^throughput=/ {t = $2} /^rate=/ {r = $2} /^errors=/ {e = $2}
      END {print (e == 0 && t >= 0.9 * r) ? 1 : 0}' "$results/rate-$e-$rate.properties")"
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "   the server stopped during $e@$rate (see $results/server-main.log); starting another" >&2
      echo "server_stopped=$e@$rate" >>"$results/machine.properties"
      server_pid=""
      # shellcheck disable=SC2086
      start_server "main-after-$e-$rate" $server_opts
    fi
  done
done
echo "server_rss_mb=$(server_rss)" >>"$results/machine.properties"
stop_server
}
measure_endpoints

# --- 5c. the same on PostgreSQL -------------------------------------------------------------------
if [ "$postgres" = 1 ]; then
  log "PostgreSQL: starting the embedded server ($build/pg-data)"
  start_pg
  pg_setup="$build/setup-pg"
  if [ "$reuse" = 1 ] && [ -f "$pg_setup/plans.tsv" ]; then
    log "LOAD_REUSE=1: reusing the PostgreSQL store"
  else
    stop_pg
    rm -rf "$build/pg-data"
    start_pg
    setup_store "$pg_url" "$build/store-pg" "$pg_setup"
  fi
  sqlite_results="$results"
  sqlite_db="$db"
  results="$sqlite_results/postgresql"
  db="$pg_url"
  mkdir -p "$results"
  cp "$pg_setup/import.properties" "$pg_setup/setup.properties" "$results/"
  java -cp "$cp_bench" org.breakwater.bench.load.LoadSetup describe --db "$db" --data-dir "$build/store-pg" --out "$results"
  [ "$(sed -n 's/^plan_ids=//p' "$results/plans.properties")" = "$plan_ids" ] \
    || { echo "load.sh: the PostgreSQL store's plans differ from SQLite's" >&2; exit 1; }
  cp "$sqlite_results"/paths-* "$results/"
  {
    echo "store=PostgreSQL, $(sed -n 's/^settings=//p' "$build/pg.properties")"
    echo "endpoints=$endpoints"
    echo "load_start=$(loadavg)"
    grep -E '^(wrk_connections|max_seconds|connections|grace|date)=' "$sqlite_results/machine.properties"
  } >"$results/machine.properties"
  measure_endpoints
  echo "load_end=$(loadavg)" >>"$results/machine.properties"
  results="$sqlite_results"
  db="$sqlite_db"
  stop_pg
fi

# --- 6. where a request's time goes (in process) ----------------------------------------------------
if [ "$diagnose" = 1 ]; then
  log "in process: the work of a can-deploy request, as shipped and with the catalog load cached"
  # shellcheck disable=SC2086
  java $server_opts -cp "$cp_bench" org.breakwater.bench.load.LoadDiagnose --db "$db" --data-dir "$store" \
    --plans "$plan_ids" --seconds "$diagnose_seconds" --out "$results/diagnose.properties"
fi

echo "load_end=$(loadavg)" >>"$results/machine.properties"
echo "elapsed_seconds=$(($(date +%s) - started))" >>"$results/machine.properties"

# --- 7. report -----------------------------------------------------------------------------------
log "writing the load section of $doc"
java -cp "$classes" org.breakwater.bench.load.LoadReport "$results" "$doc" "$results/postgresql"
log "done in $(($(date +%s) - started)) s; raw results in $results"
