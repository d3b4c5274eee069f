"""The tables `make bench` prints (and writes to var/bench/run/report.md)."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, Python {platform.python_version()}, load average {load:.1f} at start"


def report(
    *,
    out,
    machine_line: str,
    loader: str,
    seconds: int,
    portal: dict,
    timed: dict,
    targets: list,
    load: dict,
    weights: dict,
    css,
    static_headers: dict,
    scores: dict,
) -> None:
    """Writes every table through ``out`` (one line at a time)."""
    ceiling = load[targets[0][0]]["rps"]
    peer = load.get("peer: fresh `wagtail start` home", {}).get("rps")
    out(f"# make bench, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    out()
    out(
        f"Machine: {machine_line}. Load: {loader}, 2 threads, 16 connections, {seconds} s per page, gunicorn with 2 workers, production settings, SQLite, file cache."
    )
    out(
        f"Data: demo content + {portal['experts']} experts, {portal['articles_added']} news articles, {portal['requests']} requests."
    )
    out()
    out("## Public pages")
    out()
    out("| page | req/s | p50 ms | p95 ms | vs ceiling | vs peer | errors |")
    out("|---|---:|---:|---:|---:|---:|---:|")
    for name, _url in targets:
        row = load[name]
        vs_peer = f"{row['rps'] / peer:.1f}×" if peer else "n/a"
        out(
            f"| {name} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['rps'] / ceiling:.0%} | {vs_peer} | {row['errors']} |"
        )
    out()
    out(
        f"## Signed-in views at {timed['small']['requests']:,} and {portal['requests']:,} requests (server time: median of 7, best of 2 fresh processes)"
    )
    out()
    out(
        f"| view | ms at {timed['small']['requests']:,} | ms at {portal['requests']:,} | ratio | queries at {timed['small']['requests']:,} | queries at {portal['requests']:,} |"
    )
    out("|---|---:|---:|---:|---:|---:|")
    for name, small in portal["at_100"].items():
        large = portal["at_10000"][name]
        out(
            f"| {name} | {small['ms']:.0f} | {large['ms']:.0f} | {large['ms'] / small['ms']:.2f}× | {small['queries']} | {large['queries']} |"
        )
    out()
    out("## Page weight (bytes as sent, compressed)")
    out()
    out("| page | HTML | (uncompressed) | CSS | JS | images | before images |")
    out("|---|---:|---:|---:|---:|---:|---:|")
    for name, weight in weights.items():
        out(
            f"| {name} | {weight['html']:,} | {weight['html_raw']:,} | {weight['css']:,} | {weight['js']:,} | {weight['img']:,} | {weight['before_images']:,} |"
        )
    out()
    out(
        f"Static files (`{css.group(1)}`): Content-Encoding `{static_headers.get('Content-Encoding', 'none')}`, Cache-Control `{static_headers.get('Cache-Control', '')}`."
    )
    out()
    out("## Lighthouse")
    out()
    if all(score is None for score in scores.values()):
        out(
            "Lighthouse skipped: not installed (`cd var/bench && npm install lighthouse`; needs node, npm and Debian chromium)."
        )
    else:
        out("| page | performance | accessibility | best practices | SEO |")
        out("|---|---:|---:|---:|---:|")
        for name, score in scores.items():
            if score is None or "error" in score:
                out(f"| {name} | failed: {score and score.get('error')} | | | |")
            else:
                out(
                    f"| {name} | {score.get('performance')} | {score.get('accessibility')} | {score.get('best-practices')} | {score.get('seo')} |"
                )
    out()
