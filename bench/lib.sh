# Shared by the bench scripts (sourced, not run): waiting for a quiet machine, and the facts
# about the machine every report records. The sourcing script defines log() and sets -euo pipefail.

# bench_wait_quiet SECONDS LOAD [OP]: waits, 15 s at a time and at most SECONDS, while the
# 1-minute load average is OP LOAD (">" by default: "until it falls to LOAD"; ">=" for "below").
# Sets waited (seconds) and quiet_reached (yes|no).
bench_wait_quiet() {
  local limit="$1" max="$2" op="${3:->}"
  waited=0
  quiet_reached=yes
  [ "$limit" -gt 0 ] || return 0
  while awk -v max="$max" -v op="$op" '{exit !(op == ">=" ? $1 >= max : $1 > max)}' /proc/loadavg; do
    if [ "$waited" -ge "$limit" ]; then
      quiet_reached=no
      echo "   still busy after ${waited}s (load $(cut -d' ' -f1-3 /proc/loadavg)); measuring anyway" >&2
      break
    fi
    [ "$waited" = 0 ] && log "waiting up to ${limit}s for the 1-minute load average to fall $([ "$op" = ">=" ] \
      && echo below || echo to) $max (now $(cut -d' ' -f1 /proc/loadavg))"
    sleep 15
    waited=$((waited + 15))
  done
}

# bench_machine_facts: key=value lines on the machine (date, cores, CPU, memory, kernel, Java).
bench_machine_facts() {
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory=$(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel=$(uname -sr)"
  echo "java=$(java -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')"
}

# bench_checkout BUILD REPO: the Breakwater checkout to measure: $BW_CHECKOUT when set, else a
# fresh clone of REPO's committed HEAD into BUILD/breakwater (so Maven never runs in the work
# tree). Sets checkout (its path) and bw_commit ("HASH subject").
bench_checkout() {
  if [ -n "${BW_CHECKOUT:-}" ]; then
    checkout="$(cd "$BW_CHECKOUT" && pwd)"
  else
    checkout="$1/breakwater"
    log "cloning Breakwater (HEAD of $2) into $checkout"
    rm -rf "$checkout"
    git clone -q "$2" "$checkout"
  fi
  bw_commit="$(git -C "$checkout" log -1 --format='%h %s' 2>/dev/null || echo "$checkout")"
}
