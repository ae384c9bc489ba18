#!/usr/bin/env python3
"""Summarises a JFR recording of a benchmark: hottest methods (self and inclusive) from jdk.ExecutionSample,
and allocation by class and by allocation site from jdk.ObjectAllocationSample (weights = sampled bytes).

usage: jfr-top.py recording.jfr [top-N] [package-prefix-for-sites]
needs the JDK's `jfr` tool on PATH (JDK 17+).
"""
import collections
import json
import subprocess
import sys


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    t = m["type"]["name"].replace("/", ".")
    return t.split(".")[-1] + "." + m["name"] if False else t + "." + m["name"]


def short(n):
    parts = n.split(".")
    return ".".join(parts[-2:])


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    prefix = sys.argv[3] if len(sys.argv) > 3 else "io.oort"
    samples = events(path, "jdk.ExecutionSample")
    self_c, incl_c = collections.Counter(), collections.Counter()
    n = 0
    for e in samples:
        frames = e["values"].get("stackTrace", {}).get("frames", [])
        if not frames:
            continue
        # only the benchmark thread
        th = e["values"].get("sampledThread", {}).get("javaName", "")
        if "jmh-worker" not in th:
            continue
        n += 1
        self_c[frame_name(frames[0])] += 1
        seen = set()
        for f in frames:
            fn = frame_name(f)
            if fn not in seen:
                seen.add(fn)
                incl_c[fn] += 1
    print(f"== {path}\n{n} execution samples on the benchmark thread")
    print(f"-- top {top} self (method on top of the stack)")
    for k, v in self_c.most_common(top):
        print(f"{100.0 * v / n:6.1f}%  {k}")
    print(f"-- top {top} inclusive ({prefix}* and java.*)")
    for k, v in [kv for kv in incl_c.most_common(400) if not kv[0].startswith("org.openjdk.jmh")][:top]:
        print(f"{100.0 * v / n:6.1f}%  {k}")

    allocs = events(path, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    total = 0
    for e in allocs:
        v = e["values"]
        th = v.get("eventThread", {}).get("javaName", "")
        if "jmh-worker" not in th:
            continue
        w = v.get("weight", 0)
        total += w
        cls = v["objectClass"]["name"].replace("/", ".")
        by_class[cls] += w
        frames = v.get("stackTrace", {}).get("frames", [])
        site = "?"
        for f in frames:
            fn = frame_name(f)
            if fn.startswith(prefix) or fn.startswith("io.siddhi") or fn.startswith("com.fasterxml"):
                site = f"{fn}:{f.get('lineNumber', '?')}"
                break
        by_site[(cls, site)] += w
    if total:
        print(f"-- allocation by class (sampled weight, {total / 1e9:.2f} GB total on the benchmark thread)")
        for k, v in by_class.most_common(top):
            print(f"{100.0 * v / total:6.1f}%  {k}")
        print("-- allocation by class and first engine frame (allocation site)")
        for (c, s), v in by_site.most_common(top):
            print(f"{100.0 * v / total:6.1f}%  {c:45s} {s}")


if __name__ == "__main__":
    main()
