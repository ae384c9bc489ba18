#!/usr/bin/env bash
# Start-up figures of the built distribution: time from `bin/oort` to the first successful REST call, and the
# resident memory 5 s later (idle), over N runs (default 5), on free ports with a private copy of the distribution.
# Run 1 is a first start (no class-data-sharing archive yet). Run on a quiet machine: other builds distort it.   usage: tools/bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
src=distribution/target/oort
[ -x "$src/bin/oort" ] || { echo "build the distribution first"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -a "$src/." "$work/"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
echo "JVM flags: $(sed -n '/^defaults="/,/"$/p' "$work/bin/oort" | tr -d '\\\n"' | sed 's/^defaults=//; s/  */ /g') ${JAVA_OPTS:-}"
for i in $(seq 1 "$runs"); do
  # a fresh store each run; the class-data-sharing archive (data/cds) is kept, as a real installation keeps it:
  # run 1 is a first start (it writes the archive at exit), the others use it
  find "$work/data" -mindepth 1 -maxdepth 1 ! -name cds -exec rm -rf {} +
  rest=$(port); shell=$(port)
  t0=$(date +%s%N)
  OORT__BASIC__RESTPORT=$rest OORT__BASIC__PORT=$shell "$work/bin/oort" > "$work/out.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$rest/rules" >/dev/null 2>&1; do sleep 0.01; done
  t1=$(date +%s%N)
  sleep 5
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: REST ready $(( (t1 - t0) / 1000000 )) ms, idle RSS $(( rss / 1024 )) MB (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "distribution size: $(du -sh --exclude=data --exclude=log "$src" | cut -f1) folder, $(du -h distribution/target/oort-*.tar.gz | cut -f1) tar.gz"
