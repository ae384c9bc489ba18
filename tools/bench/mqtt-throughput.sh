#!/usr/bin/env bash
# MQTT throughput and latency of Oort with the local Mosquitto (127.0.0.1:1883).
# Not part of the test run: a measurement, best on a quiet machine (concurrent builds distort it).
#
#   tools/bench/mqtt-throughput.sh [--messages N] [--latency-rate R] [--latency-seconds S] [--mqtt-sink-latency]
#
# 1. broker ceiling  N messages (default 500,000, ~50-byte JSON) published as fast as the C client can
#                    (mosquitto_pub -l, QoS 0) to a plain subscriber that only counts, on the engine's MQTT client
#                    (Paho, same subscription QoS): messages delivered per second, first to last arrival; run twice
#                    (JVM warm-up). For reference, also to the C subscriber mosquitto_sub
# 2. engine          the same N messages, same publisher, into a private copy of the built distribution (free ports,
#                    empty data/): rule SELECT * FROM demo WHERE temperature > 50 with a nop sink; sustained msg/s
#                    from the source's records_in_total (REST, every 50 ms); run twice, the first warms the JVM up
# 3. latency         publish -> sink at R msg/s (default 10,000) for S s (default 10) after 3 s of warm-up: a paced
#                    Paho publisher stamps each payload with its publish time (epoch us); the engine (the same code,
#                    embedded so that a sink can take the arrival time: e2e-tests' io.oort.e2e.bench.LatencyBench)
#                    runs the same rule into a sink that records now - ts per row; the same publisher into a plain
#                    Paho subscriber gives the broker's own hop. p50/p90/p99/p99.9/max.
#    --mqtt-sink-latency adds the round trip through an MQTT sink (rule -> MQTT sink, QoS 0 -> broker -> Paho
#                    subscriber): one broker hop more than the publish -> sink figure; and, after step 2, the MQTT
#                    sink's throughput: the same N messages, rule SELECT * FROM demo (every message a result) into an
#                    MQTT sink (QoS 0, sendSingle) to a Paho subscriber that counts; results delivered per second,
#                    first to last arrival, run twice (warm-up)
# Run it as `flock /tmp/oort-mvn.lock tools/bench/mqtt-throughput.sh ...` on a shared machine.
# Needs: mvn -o -DskipTests install (distribution/target/oort and the jars), mosquitto_pub/_sub, python3, a broker
# on :1883.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x distribution/target/oort/bin/oort ] || { echo "build the distribution first (mvn -o -DskipTests install)"; exit 1; }
command -v mosquitto_pub >/dev/null && command -v mosquitto_sub >/dev/null || { echo "needs mosquitto clients"; exit 1; }
(exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null || { echo "no MQTT broker on 127.0.0.1:1883"; exit 1; }
rate=10000; seconds=10; mqtt=""
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --latency-rate) rate=$2; shift ;;
    --latency-seconds) seconds=$2; shift ;;
    --mqtt-sink-latency) mqtt=mqtt ;;
  esac
  shift
done
echo "JVM: $(java -version 2>&1 | head -1); cores: $(nproc)"
# the Java helpers (e2e-tests' io.oort.e2e.bench) on a private copy of their class path: other builds may reinstall
# the jars in ~/.m2 while the bench runs
lib=$(mktemp -d); trap 'rm -rf "$lib"' EXIT
# Under `flock /tmp/oort-mvn.lock tools/bench/mqtt-throughput.sh` (so that no build runs during the measurement) the
# lock is held by this script's inherited descriptor already: taking it again would wait for ourselves.
lock=(flock /tmp/oort-mvn.lock)
if ls -l /proc/$$/fd 2>/dev/null | grep -q ' -> /tmp/oort-mvn.lock$'; then lock=(); fi
"${lock[@]}" sh -c "mvn -B -q -o -pl e2e-tests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile='$lib/cp.txt' >/dev/null && cp -r e2e-tests/target/test-classes \
  '$lib/classes' && tr ':' '\n' < '$lib/cp.txt' | xargs -I{} cp {} '$lib/'"
export BENCH_CP="$lib/classes:$lib/*"
python3 tools/bench/mqtt_bench.py "${args[@]}"
java -Xmx512m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$BENCH_CP" io.oort.e2e.bench.LatencyBench "$rate" "$seconds" 3 tcp://127.0.0.1:1883 $mqtt
