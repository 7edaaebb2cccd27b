#!/usr/bin/env python3
"""Start-up on the embedded default (H2, demo data), as README's start command runs it, from the jar.

Each run starts the jar in a fresh working directory (so ./data is new: schema, Flyway, models, demo data)
or, for the restarts, in the directory of the first run (data already there). Measured: seconds from launch
until /actuator/health answers UP, Spring's own "Started … in" figure, and the heap and RSS once up.
Writes target/bench/startup.json and startup.txt (the shape of the JUnit benchmarks' reports).
"""
import argparse
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"cpus": os.cpu_count(), "cpu": cpu, "memoryGiB": round(mem_kib / 1024 / 1024, 2), "java": java}


def load():
    with open("/proc/loadavg") as f:
        return f.read().strip()


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://localhost:{port}/actuator/health", timeout=2) as r:
            return r.status == 200 and b'"UP"' in r.read()
    except Exception:
        return False


def heap_used_mib(pid):
    """Heap in use after the start (jcmd GC.heap_info: the 'used' figure of the whole heap)."""
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    return round(int(m.group(2)) / 1024) if m else None


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024)
    return None


def one_run(jar, workdir, port, label):
    log_path = os.path.join(OUT, f"startup-{label}.log")
    with open(log_path, "w") as log:
        t0 = time.monotonic()
        proc = subprocess.Popen(["java", "-jar", jar, f"--server.port={port}"], cwd=workdir, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while not healthy(port):
                if proc.poll() is not None:
                    raise SystemExit(f"start-up failed ({label}): see {log_path}")
                if time.monotonic() - t0 > 300:
                    raise SystemExit(f"not UP within 300 s ({label}): see {log_path}")
                time.sleep(0.1)
            seconds = time.monotonic() - t0
            time.sleep(1)
            heap = heap_used_mib(proc.pid)
            rss = rss_mib(proc.pid)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    with open(log_path) as f:
        m = re.search(r"Started \w+ in ([\d.]+) seconds \(process running for ([\d.]+)\)", f.read())
    return {"run": label, "secondsToHealthUp": round(seconds, 2),
            "springStartedSeconds": float(m.group(1)) if m else None,
            "processRunningSeconds": float(m.group(2)) if m else None,
            "heapUsedMiB": heap, "rssMiB": rss}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=18097)
    args = parser.parse_args()
    jars = [j for j in glob.glob(os.path.join(ROOT, "target", "minzheng-approvals-*.jar")) if not j.endswith("-plain.jar")]
    if not jars:
        raise SystemExit("no jar in target/: build it first (mvn -Pbench verify or mvn package)")
    os.makedirs(OUT, exist_ok=True)
    load_before = load()
    workdir = tempfile.mkdtemp(prefix="minzheng-startup-")
    runs = []
    try:
        runs.append(one_run(jars[0], workdir, args.port, "fresh"))
        for i in range(1, max(1, args.runs)):
            runs.append(one_run(jars[0], workdir, args.port, f"restart{i}"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {"benchmark": "startup", "title": "Start-up on the embedded default (H2, demo data), from the jar",
              "at": datetime.now(timezone.utc).isoformat(), "machine": machine(),
              "loadAverage": {"before": load_before, "after": load()}, "targets": [],
              "figures": {"jar": os.path.basename(jars[0]), "runs": runs}}
    with open(os.path.join(OUT, "startup.json"), "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    lines = [report["title"], f"{report['machine']}, load average before {load_before}, after {load()}", "",
             "run        to health UP (s)  Spring 'Started in' (s)  heap used (MiB)  RSS (MiB)"]
    for r in runs:
        lines.append(f"{r['run']:<10} {r['secondsToHealthUp']:>16} {str(r['springStartedSeconds']):>24} "
                     f"{str(r['heapUsedMiB']):>16} {str(r['rssMiB']):>10}")
    lines += ["", "fresh: a new ./data (schema, Flyway, models deployed, demo data loaded); restart: the same ./data again."]
    with open(os.path.join(OUT, "startup.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
