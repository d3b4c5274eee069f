"""Load for `make bench`: wrk (2 threads, 16 connections) or, without it, a Python client; and
the load step itself (the ceiling and the peer first and last, their means the references)."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import threading
import time

from run_common import WORK, fetch, log

WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %f %f %f %d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests / (summary.duration / 1000000), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.timeout))
end
"""


def load_wrk(url: str, seconds: int) -> dict:
    script = WORK / "percentiles.lua"
    script.write_text(WRK_LUA)
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(row for row in output.splitlines() if row.startswith("BENCH "))
    p50, p95, rps, errors = line.split()[1:]
    return {
        "rps": float(rps),
        "p50": float(p50) / 1000,
        "p95": float(p95) / 1000,
        "errors": int(errors),
    }


def load_python(url: str, seconds: int) -> dict:
    """16 keep-alive connections in threads; slower than wrk, so only ratios compare."""
    host, port = re.match(r"http://([^:/]+):(\d+)", url).groups()
    path = url.split(f":{port}", 1)[1]
    latencies, errors, stop = [], [0], time.time() + seconds

    def worker():
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        while time.time() < stop:
            begin = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[0] += 1
            except Exception:  # noqa: BLE001
                errors[0] += 1
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
                continue
            latencies.append(time.perf_counter() - begin)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    pick = lambda share: latencies[min(len(latencies) - 1, int(len(latencies) * share))] * 1000  # noqa: E731
    return {
        "rps": len(latencies) / seconds,
        "p50": pick(0.5),
        "p95": pick(0.95),
        "errors": errors[0],
    }


def measure_pages(targets: list[tuple[str, str]], *, seconds: int, references: int) -> tuple:
    """req/s, p50 and p95 of every (name, url); the first ``references`` targets (the ceiling and
    the peer) are measured again at the end: the machine's other work drifts during a run."""
    loader = load_wrk if shutil.which("wrk") else load_python
    log(
        f"load: {'wrk' if loader is load_wrk else 'Python client (wrk not installed)'}, "
        f"2 threads, 16 connections, {seconds} s per page"
    )
    load = {}
    for name, url in targets:
        for _ in range(5):
            fetch(url)  # fill the page cache
        load[name] = loader(url, seconds)
        print(f"   {name}: {load[name]['rps']:.0f} req/s", flush=True)
    for name, url in targets[:references]:
        again = loader(url, seconds)
        first = load[name]
        print(f"   {name} again: {again['rps']:.0f} req/s", flush=True)
        load[name] = {
            key: (first[key] + again[key]) / 2 if key != "errors" else first[key] + again[key]
            for key in first
        }
    return load, loader.__name__.removeprefix("load_")
