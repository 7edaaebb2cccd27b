#!/usr/bin/env python3
"""Joins the benchmark reports in target/bench/*.json into target/bench/summary.md: every target met or
missed (and by how much), the machine and its load, then each report's readable text."""
import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
ORDER = ["flow", "inbox", "notices", "annual-review", "startup"]


def order(path):
    name = os.path.basename(path)[:-5]
    base = next((i for i, o in enumerate(ORDER) if name == o or name.startswith(o + "-")), len(ORDER))
    return base, name


def by_how_much(t):
    measured, target = t["measured"], t["target"]
    if t["met"] or not target:
        return ""
    if t["lowerIsBetter"]:
        return f"{measured / target:.2f}× the target"
    return f"{measured / target * 100:.0f} % of the target"


def main():
    reports = []
    for path in sorted(glob.glob(os.path.join(OUT, "*.json")), key=order):
        with open(path) as f:
            try:
                reports.append(json.load(f))
            except json.JSONDecodeError:
                continue
    lines = ["# Benchmark summary", ""]
    if reports:
        lines += [f"Machine: {reports[0].get('machine')}", ""]
    lines += ["| benchmark | target | measured | goal | met | short by | note | at | load average before |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        for t in r.get("targets", []):
            goal = ("≤ " if t["lowerIsBetter"] else "≥ ") + f"{t['target']} {t['unit']}"
            lines.append(f"| {r['benchmark']} | {t['metric']} | {t['measured']} {t['unit']} | {goal} | "
                         f"{'yes' if t['met'] else '**no**'} | {by_how_much(t)} | {t.get('note') or ''} | "
                         f"{r.get('at', '')[:19]} | {r.get('loadAverage', {}).get('before', '')} |")
    for r in reports:
        text = os.path.join(OUT, r["benchmark"] + ".txt")
        if os.path.exists(text):
            with open(text) as f:
                body = f.read()
            # the EXPLAIN plans and statement lists stay in the report files
            body = body.split("\nEXPLAIN")[0].split("\nStatements sent most often")[0]
            lines += ["", f"## {r['benchmark']}", "", "```", body.rstrip(), "```"]
    with open(os.path.join(OUT, "summary.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
