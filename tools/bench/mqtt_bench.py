#!/usr/bin/env python3
"""MQTT throughput and latency of the built distribution against the local Mosquitto (see mqtt-throughput.sh).

1. Broker ceiling: N JSON messages published as fast as the C client can (mosquitto_pub -l, QoS 0) to a plain
   subscriber that only counts, on the engine's own MQTT client library and subscription (Paho, QoS 1 asked:
   CeilingSubscriber, from the class path in BENCH_CP); run twice, the first warms its JVM up. For reference also
   to the C subscriber (mosquitto_sub -F %U, which flushes a line per message and so lags and drops sooner).
2. Engine throughput: the same N messages into a stream read by the rule
   SELECT * FROM demo WHERE temperature > 50 with a nop sink; rate from the source's records_in_total over time
   (polled every 50 ms on the REST API). Run twice: the first run warms the JVM up.
3. With --mqtt-sink-latency, MQTT sink throughput: the same N messages, rule SELECT * (every message a result)
   with an MQTT sink (QoS 0, sendSingle) to a counting Paho subscriber (CeilingSubscriber); results delivered per
   second, first to last arrival. Run twice: the first warms the JVM up.
(Latency is measured by the Java LatencyBench that mqtt-throughput.sh runs after this script.)

Only the standard library is used. Every process started here is stopped here.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import threading
import sys
import tempfile
import time
import urllib.request

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Engine:
    """A private copy of the distribution on free ports."""

    def __init__(self, dist, work):
        self.home = os.path.join(work, "oort")
        shutil.copytree(dist, self.home, symlinks=True)
        shutil.rmtree(os.path.join(self.home, "data"), ignore_errors=True)
        os.makedirs(os.path.join(self.home, "data"))
        self.rest = free_port()
        env = dict(os.environ, OORT__BASIC__RESTPORT=str(self.rest), OORT__BASIC__PORT=str(free_port()),
                   OORT__BASIC__FILELOG="false")
        self.log = open(os.path.join(work, "oort.log"), "wb")
        self.proc = subprocess.Popen([os.path.join(self.home, "bin", "oort")], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            try:
                self.call("GET", "/rules")
                return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise SystemExit("the engine did not start; see " + self.log.name)
                time.sleep(0.05)

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request("http://%s:%d%s" % (HOST, self.rest, path), data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            text = r.read().decode()
        try:
            return json.loads(text)
        except ValueError:
            return text

    def status(self, rule):
        return self.call("GET", "/rules/%s/status" % rule)

    def rule(self, rule_id, stream, topic, sql, action):
        self.call("POST", "/streams", {"sql": 'CREATE STREAM %s () WITH (DATASOURCE="%s", FORMAT="json", '
                                              'TYPE="mqtt")' % (stream, topic)})
        self.add_rule(rule_id, stream, sql, action)

    def add_rule(self, rule_id, stream, sql, action):
        """Creates a rule on an existing stream and waits until its source (and an MQTT sink) is connected."""
        self.call("POST", "/rules", {"id": rule_id, "sql": sql, "actions": [action]})
        deadline = time.time() + 20
        keys = ["source_%s_0_connection_status" % stream]
        if "mqtt" in action:
            keys.append("sink_mqtt_0_0_connection_status")
        while True:
            s = self.status(rule_id)
            if s.get("status") == "running" and all(s.get(k) == 1 for k in keys):
                return
            if time.time() > deadline:
                raise SystemExit("rule %s did not start: %s" % (rule_id, s))
            time.sleep(0.05)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Sub:
    """mosquitto_sub writing one line per message (arrival time, and the payload when asked) to a file."""

    def __init__(self, work, topic, name, payload):
        self.path = os.path.join(work, name + ".out")
        self.topic = topic
        self.out = open(self.path, "wb")
        fmt = "%U %p" if payload else "%U"
        self.proc = subprocess.Popen(["mosquitto_sub", "-h", HOST, "-t", topic, "-q", "0", "-F", fmt],
                                     stdout=self.out, stderr=subprocess.DEVNULL)
        # readiness: probe until a probe comes back, then forget the probes
        deadline = time.time() + 10
        while os.path.getsize(self.path) == 0:
            subprocess.run(["mosquitto_pub", "-h", HOST, "-t", topic, "-m", '{"probe":1}'], check=True)
            time.sleep(0.05)
            if time.time() > deadline:
                raise SystemExit("mosquitto_sub on %s did not start" % topic)
        time.sleep(0.2)
        self.skip = self.lines_count()

    def lines_count(self):
        self.out.flush()
        with open(self.path, "rb") as f:
            return sum(1 for _ in f)

    def wait_quiet(self, quiet=1.0, limit=120):
        last, since, t0 = -1, time.time(), time.time()
        while time.time() - t0 < limit:
            size = os.path.getsize(self.path)
            if size != last:
                last, since = size, time.time()
            elif time.time() - since >= quiet:
                return
            time.sleep(0.05)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.out.close()
        with open(self.path, "rb") as f:
            lines = f.read().decode(errors="replace").splitlines()
        return lines[self.skip:]


def gen_file(path, n):
    rnd = random.Random(42)
    with open(path, "w") as f:
        for i in range(n):
            f.write('{"id":%d,"temperature":%.1f,"humidity":%.1f}\n' % (i, rnd.uniform(0, 100), rnd.uniform(0, 100)))


def publish_file(path, topic):
    t0 = time.time()
    with open(path, "rb") as f:
        subprocess.run(["mosquitto_pub", "-h", HOST, "-t", topic, "-q", "0", "-l"], stdin=f, check=True)
    return time.time() - t0


def ceiling(work, data, n, run):
    topic = "bench/%s/ceiling" % run
    sub = Sub(work, topic, "ceiling", payload=False)
    pub_s = publish_file(data, topic)
    sub.wait_quiet()
    lines = sub.stop()
    times = [float(l) for l in lines if l]
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0
    return {"published_per_s": n / pub_s, "received": len(times), "delivered_per_s": rate}


def paho_ceiling(data, n, run, label):
    topic = "bench/%s/paho-ceiling-%s" % (run, label)
    proc = subprocess.Popen(["java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", os.environ["BENCH_CP"],
                             "io.oort.e2e.bench.CeilingSubscriber", topic], stdout=subprocess.PIPE, text=True)
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit("the ceiling subscriber did not start")
    pub_s = publish_file(data, topic)
    count, first, last = (int(x) for x in proc.stdout.readline().split())
    proc.wait()
    rate = (count - 1) / ((last - first) / 1e9) if last > first else 0
    return {"published_per_s": n / pub_s, "received": count, "delivered_per_s": rate}


def engine_throughput(engine, data, n, rule, stream):
    before = engine.status(rule).get("source_%s_0_records_in_total" % stream, 0)
    samples = []
    pub = subprocess.Popen(["mosquitto_pub", "-h", HOST, "-t", "bench/%s/in" % stream, "-q", "0", "-l"],
                           stdin=open(data, "rb"))
    last_change = time.time()
    last = before
    while True:
        s = engine.status(rule)
        c = s.get("source_%s_0_records_in_total" % stream, 0) - before
        now = time.time()
        samples.append((now, c))
        if c != last:
            last, last_change = c, now
        if c >= n or (pub.poll() is not None and now - last_change > 2):
            break
        time.sleep(0.05)
    pub.wait()
    first = next((t, c) for t, c in samples if c > 0)
    done = next((t, c) for t, c in samples if c == last)
    rate = (done[1] - first[1]) / (done[0] - first[0]) if done[0] > first[0] else 0
    s = engine.status(rule)
    return {"received": last, "rate": rate, "sink_out": s.get("sink_nop_0_0_records_out_total"),
            "dropped": n - last}


def sink_throughput(engine, data, n, stream, run, label):
    """N messages in, every one a result (SELECT *), published by the MQTT sink (QoS 0, one message per result) to
    a counting Paho subscriber: results delivered per second, first to last arrival."""
    out = "bench/%s/sink-out-%s" % (run, label)
    rule = "bench_sink_%s" % label.replace("-", "_")
    proc = subprocess.Popen(["java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", os.environ["BENCH_CP"],
                             "io.oort.e2e.bench.CeilingSubscriber", out, "3"], stdout=subprocess.PIPE, text=True)
    try:
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit("the sink subscriber did not start")
        engine.add_rule(rule, stream, "SELECT * FROM %s" % stream,
                        {"mqtt": {"server": "tcp://%s:1883" % HOST, "topic": out, "qos": 0, "sendSingle": True}})
        before = engine.status(rule).get("source_%s_0_records_in_total" % stream, 0)
        publish_file(data, "bench/%s/in" % stream)
        line = [None]

        def read():
            line[0] = proc.stdout.readline()
        t = threading.Thread(target=read, daemon=True)
        t.start()
        t.join(300)
        if not line[0]:
            raise SystemExit("the sink subscriber got nothing within 300 s")
        count, first, last = (int(x) for x in line[0].split())
        s = engine.status(rule)
        engine.call("DELETE", "/rules/%s" % rule)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    rate = (count - 1) / ((last - first) / 1e9) if last > first else 0
    return {"delivered_per_s": rate, "received": count,
            "source_in": s.get("source_%s_0_records_in_total" % stream, 0) - before,
            "sink_out": s.get("sink_mqtt_0_0_records_out_total"),
            "sink_errors": s.get("sink_mqtt_0_0_exceptions_total"),
            "last_error": s.get("sink_mqtt_0_0_last_exception")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=500000)
    ap.add_argument("--latency-rate", type=int, default=10000)
    ap.add_argument("--latency-seconds", type=int, default=10)
    ap.add_argument("--dist", default="distribution/target/oort")
    ap.add_argument("--mqtt-sink-latency", action="store_true", help="(read by mqtt-throughput.sh)")
    a = ap.parse_args()
    run = "%x" % (int(time.time() * 1000) & 0xffffffff)
    work = tempfile.mkdtemp(prefix="oort-bench-")
    engine = None
    try:
        data = os.path.join(work, "messages.jsonl")
        gen_file(data, a.messages)
        print("load %s, %d messages of ~50 bytes, run %s" % (open("/proc/loadavg").read().split()[0],
                                                             a.messages, run), flush=True)

        for label in ("warm-up", "measured"):
            c = paho_ceiling(data, a.messages, run, label)
            print("broker ceiling %s (mosquitto_pub -l -> Paho subscriber, QoS 0): published %.0f msg/s, delivered "
                  "%.0f msg/s (%d of %d received)" % (label, c["published_per_s"], c["delivered_per_s"],
                                                       c["received"], a.messages), flush=True)
        cc = ceiling(work, data, a.messages, run)
        print("broker to the C subscriber (mosquitto_pub -l -> mosquitto_sub -F %%U, QoS 0): delivered %.0f msg/s "
              "(%d of %d received)" % (cc["delivered_per_s"], cc["received"], a.messages), flush=True)

        engine = Engine(a.dist, work)
        stream = "demo_" + run
        engine.rule("bench_tp", stream, "bench/%s/in" % stream, "SELECT * FROM %s WHERE temperature > 50" % stream,
                    {"nop": {}})
        for label in ("warm-up", "measured"):
            t = engine_throughput(engine, data, a.messages, "bench_tp", stream)
            print("engine %s (SELECT * WHERE temperature > 50 -> nop): %.0f msg/s sustained, %d of %d "
                  "received, %s results out" % (label, t["rate"], t["received"], a.messages, t["sink_out"]),
                  flush=True)
        pct = 100.0 * t["rate"] / c["delivered_per_s"] if c["delivered_per_s"] else 0
        print("engine / broker ceiling: %.0f%%" % pct, flush=True)
        engine.call("DELETE", "/rules/bench_tp")
        if a.mqtt_sink_latency:
            for label in ("warm-up", "measured"):
                k = sink_throughput(engine, data, a.messages, stream, run, label)
                print("engine -> MQTT sink %s (SELECT * -> mqtt QoS 0 -> Paho subscriber): %.0f msg/s delivered, %d "
                      "of %d received (source in %d, sink out %s, sink errors %s%s)"
                      % (label, k["delivered_per_s"], k["received"], a.messages, k["source_in"], k["sink_out"],
                         k["sink_errors"], ": " + k["last_error"] if k["sink_errors"] else ""), flush=True)
            pct = 100.0 * k["delivered_per_s"] / c["delivered_per_s"] if c["delivered_per_s"] else 0
            print("MQTT sink / broker ceiling: %.0f%%" % pct, flush=True)
    finally:
        if engine is not None:
            engine.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
