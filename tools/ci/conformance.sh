#!/usr/bin/env bash
# Runs ../shared/conformance/run.py against distribution/target/oort started on free ports (a private copy, so a
# developer's running instance is not disturbed). Fails when any case fails. Skips (exit 0) when the corpus is not
# checked out next to this repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/conformance
if [ ! -x "$corpus/run.py" ] && [ ! -f "$corpus/run.py" ]; then
  echo "conformance: $corpus/run.py not found; skipped"
  exit 0
fi
dist=distribution/target/oort
[ -x "$dist/bin/oort" ] || { echo "conformance: build the distribution first (mvn -B verify)"; exit 1; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist/." "$work/"
rm -rf "$work/data" "$work/log" && mkdir -p "$work/data" "$work/log"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rest=$(free_port); shell=$(free_port)
OORT__BASIC__RESTPORT=$rest OORT__BASIC__RESTIP=127.0.0.1 OORT__BASIC__PORT=$shell \
  "$work/bin/oort" > "$work/log/console.out" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$rest/ping" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "conformance: Oort exited"; cat "$work/log/console.out"; exit 1; }
  sleep 0.1
done
# wait until the MQTT connector is installed from plugins/
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$rest/plugins/sources" | grep -q mqtt && break
  sleep 0.1
done
python3 "$corpus/run.py" --rest "http://127.0.0.1:$rest" --broker 127.0.0.1:1883
