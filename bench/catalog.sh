#!/usr/bin/env bash
# Breakwater catalog scale benchmark: a generated catalog of 5,000 services, 20,000 consumers and
# 100,000 deployment records; import time, and the p99 of "all transitive consumers of this
# operation" and "what runs where", on SQLite and PostgreSQL. Writes its section of
# docs/benchmarks.md (between <!-- catalog-benchmark:begin --> and <!-- catalog-benchmark:end -->),
# leaving the rest of the file alone. See bench/README.md.
#
# Usage: bench/catalog.sh
#
# Environment (all optional):
#   CATALOG_SERVICES=N             scale: N services, 4N consumers, 20N deployments (default 5000);
#                                  anything else is marked "reduced scale" in the report
#   CATALOG_DATABASES=LIST         sqlite,postgresql (default both)
#   CATALOG_WAIT_QUIET=SECONDS     wait up to that long for the 1-minute load average to fall to
#                                  CATALOG_QUIET_LOAD (default 600 s; 0: do not wait)
#   CATALOG_QUIET_LOAD=X           default 1.5
#   CATALOG_MEASURE_SECONDS=S      stop a query measure after S seconds (default 45)
#   CATALOG_RECORD_SECONDS=S       record deployments through recordDeployment for S seconds per
#                                  database, the rest with batched SQL (default 30; 0: all of them)
#   CATALOG_DIAGNOSTIC_QUERIES=N   time N calls per query again over one open connection (default 300; 0: skip)
#   BENCH_BUILD_DIR=DIR            where the builds happen (default: ${TMPDIR:-/tmp}/breakwater-catalog-bench)
#   BENCH_DOC=FILE                 the report to update (default: docs/benchmarks.md)
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
  "") ;;
  *) echo "catalog.sh: unknown argument '$1' (bench/catalog.sh --help lists its settings)" >&2; exit 2 ;;
esac
unset BREAKWATER_JAVA_OPTS

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
generated="$work/catalog-gen"
results="$work/catalog-results"
build="${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/breakwater-catalog-bench}"
doc="${BENCH_DOC:-$repo/docs/benchmarks.md}"
services="${CATALOG_SERVICES:-5000}"
databases="${CATALOG_DATABASES:-sqlite,postgresql}"
wait_quiet="${CATALOG_WAIT_QUIET:-600}"
quiet_load="${CATALOG_QUIET_LOAD:-1.5}"
measure_seconds="${CATALOG_MEASURE_SECONDS:-45}"
record_seconds="${CATALOG_RECORD_SECONDS:-30}"
diagnostic_queries="${CATALOG_DIAGNOSTIC_QUERIES:-300}"
warmup=500
queries=2000
bench_jvm_opts=(-Xms1g -Xmx1g -XX:+AlwaysPreTouch)

log() { printf '\n== %s\n' "$*" >&2; }
. "${BASH_SOURCE[0]%/*}/lib.sh"
started=$(date +%s)

for tool in java mvn git; do
  command -v "$tool" >/dev/null 2>&1 || { echo "catalog.sh: $tool not found" >&2; exit 2; }
done
rm -rf "$results"
mkdir -p "$build" "$results"

# --- 1. Breakwater, built by its own launcher in the work tree -------------------------------
# Others may be editing src/ while this runs: a build that fails is retried a minute later, and
# the jar is copied once built, so that a rebuild during the run cannot change what is measured.
log "building Breakwater with its launcher ($repo/breakwater)"
attempt=1
until "$repo/breakwater" --help >"$build/breakwater-build.log" 2>&1 && [ -f "$repo/target/breakwater.jar" ]; do
  if [ "$attempt" -ge 5 ]; then
    echo "catalog.sh: Breakwater did not build after $attempt attempts (see $build/breakwater-build.log)" >&2
    exit 1
  fi
  echo "   build failed (attempt $attempt); retrying in 60 s" >&2
  sleep 60
  attempt=$((attempt + 1))
done
cp "$repo/target/breakwater.jar" "$build/breakwater.jar"
bw_jar="$build/breakwater.jar"
commit="$(git -C "$repo" log -1 --format='%h %s')"
dirty="$(git -C "$repo" status --porcelain -- src pom.xml | wc -l)"
dirty_note=""
[ "$dirty" -gt 0 ] && dirty_note="$dirty file(s) under src/ and pom.xml"
java -jar "$bw_jar" catalog import --help >/dev/null 2>&1 \
  || { echo "catalog.sh: $bw_jar has no 'catalog import' command" >&2; exit 1; }

# --- 2. the benchmark module, built in a copy --------------------------------------------------
log "building bench/ in $build/bench"
rm -rf "$build/bench"
mkdir -p "$build/bench"
cp -r "$bench/pom.xml" "$bench/src" "$build/bench/"
(cd "$build/bench" && mvn -q -B package "-Dbw.jar=$bw_jar" >"$build/bench-build.log" 2>&1 \
  && mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided \
    "-Dmdep.outputFile=$build/cp-provided.txt" >>"$build/bench-build.log" 2>&1) \
  || { echo "catalog.sh: bench build failed, see $build/bench-build.log" >&2; exit 1; }
# Only embedded PostgreSQL and its libraries; Breakwater's jar brings its own driver, SLF4J and
# Jackson, and comes first on the class path.
cp_pg="$(tr ':' '\n' <"$build/cp-provided.txt" \
  | grep -E '/io/zonky/|/commons-lang3/|/commons-compress/|/org/tukaani/xz/|/commons-io/|/commons-codec/' | paste -sd: -)"
cp_bench="$bw_jar:$build/bench/target/classes:$cp_pg"

# --- 3. the catalog ----------------------------------------------------------------------------
log "generating the catalog into $generated ($services services)"
java -cp "$build/bench/target/classes" org.breakwater.bench.catalog.GenerateCatalog "$generated" \
  --services "$services" --consumers $((services * 4)) --deployments $((services * 20)) | tee "$results/generate.txt"

# --- 4. a quiet machine --------------------------------------------------------------------------
bench_wait_quiet "$wait_quiet" "$quiet_load"

{
  bench_machine_facts
  echo "commit=$commit"
  echo "dirty=$dirty_note"
  echo "tmp=${TMPDIR:-/tmp}"
  echo "services=$services"
  echo "consumers=$((services * 4))"
  echo "deployments=$((services * 20))"
  echo "generated=$(head -2 "$results/generate.txt" | sed 's/^generated [^:]*: //' | paste -sd'|' - | sed 's/|/; /; s/ *$/./')"
  echo "wait_limit=$wait_quiet"
  echo "wait_threshold=$quiet_load"
  echo "waited_seconds=$waited"
  echo "quiet_reached=$quiet_reached"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "warmup=$warmup"
  echo "queries=$queries"
  echo "measure_seconds=$measure_seconds"
  echo "record_seconds=$record_seconds"
  echo "bench_jvm_opts=${bench_jvm_opts[*]}"
} >"$results/machine.properties"

# --- 5. measurements -------------------------------------------------------------------------------
log "measuring on $databases"
java "${bench_jvm_opts[@]}" -cp "$cp_bench" org.breakwater.bench.catalog.CatalogBench \
  --generated "$generated" --jar "$bw_jar" --results "$results" --databases "$databases" \
  --warmup "$warmup" --queries "$queries" --measure-seconds "$measure_seconds" \
  --record-seconds "$record_seconds" --diagnostic-queries "$diagnostic_queries" --work "$build/stores" \
  2>&1 | tee "$results/bench.log"

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/machine.properties"
echo "elapsed_seconds=$(($(date +%s) - started))" >>"$results/machine.properties"

# --- 6. report -----------------------------------------------------------------------------------
log "writing the catalog section of $doc"
java -cp "$build/bench/target/classes" org.breakwater.bench.catalog.CatalogReport "$results" "$doc"
log "done in $(($(date +%s) - started)) s; raw results in $results"
