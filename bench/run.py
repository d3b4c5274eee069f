"""`make bench`: the production shape with scaled-up data, measured in one run.

    .venv/bin/python bench/run.py [--seconds 8] [--keep]

1. A fresh SQLite database in var/bench/run/: migrate, the demo content, collectstatic.
2. bench/portal_views.py: 60 experts, 1,000 news articles, then 100 and 10,000 requests (with
   date options, engagements and their calendar events, messages, activities); server time and
   queries of the signed-in views at both sizes.
3. gunicorn (gunicorn.conf.py, 2 workers, production settings) serving the portal and, from the
   same server, a static copy of the home page's HTML through WhiteNoise (the ceiling); a fresh
   `wagtail start` project made from the installed Wagtail, served by gunicorn the same way
   (the peer).
4. Load with wrk (2 threads, 16 connections, --seconds each; a Python client when wrk is
   missing), on 127.0.0.1 only: req/s, p50, p95.
5. Page weight of the public pages (HTML, CSS, JS, images as sent compressed), static-file
   headers, and Lighthouse for home and the request form when var/bench has it (npm).

Prints markdown tables; also written to var/bench/run/report.md. Ratios matter: absolute numbers
depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
PY = str(VENV_BIN / "python")
WORK = REPO / "var" / "bench" / "run"
LIGHTHOUSE = REPO / "var" / "bench" / "node_modules" / ".bin" / "lighthouse"
WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %f %f %f %d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests / (summary.duration / 1000000), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.timeout))
end
"""


def log(message: str) -> None:
    print(f"== {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    subprocess.run(args, env=env, check=True, cwd=kwargs.pop("cwd", REPO), **kwargs)


def wait_for(url: str, seconds: int = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status < 500:
                    return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
    raise SystemExit(f"server at {url} did not start")


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- load ---------------------------------------------------------------------------------------


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


# --- servers ------------------------------------------------------------------------------------


def start_gunicorn(app: str, port: int, env: dict, cwd: Path, log_path: Path) -> subprocess.Popen:
    env = {
        **env,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    config = ["-c", str(REPO / "gunicorn.conf.py")]
    return subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), *config, app],
        cwd=cwd,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )


def make_peer(env: dict) -> tuple[Path, dict]:
    """A fresh `wagtail start` project, from the installed Wagtail (no download)."""
    directory = Path(tempfile.mkdtemp(prefix="hope-bench-peer-"))
    run(
        [str(VENV_BIN / "wagtail"), "start", "peer", str(directory)], env, stdout=subprocess.DEVNULL
    )
    (directory / "peer" / "settings" / "local.py").write_text(
        "from .base import STORAGES\n"
        f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\n"
        'ALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
        'STORAGES["staticfiles"]["BACKEND"] = '
        '"django.contrib.staticfiles.storage.StaticFilesStorage"\n'
    )
    peer_env = {
        key: value
        for key, value in env.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH")
    }
    peer_env["DJANGO_SETTINGS_MODULE"] = "peer.settings.production"
    run([PY, "manage.py", "migrate", "-v", "0"], peer_env, cwd=directory)
    return directory, peer_env


# --- page weight --------------------------------------------------------------------------------


ASSET_PATTERNS = {
    "css": re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"'),
    "js": re.compile(r'<script[^>]+src="([^"]+)"'),
    "img": re.compile(r'<(?:img|source)[^>]+(?:src|srcset)="([^" ,]+)'),
}


def page_weight(base: str, path: str) -> dict:
    accept = {"Accept-Encoding": "br, gzip"}
    fetch(
        base + path, accept
    )  # the first visit after a change renders; the next is the shared copy
    _status, headers, body = fetch(base + path, accept)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    weight = {"html": len(body), "html_raw": len(html), "css": 0, "js": 0, "img": 0}
    text = html.decode("utf-8", "replace")
    for kind, pattern in ASSET_PATTERNS.items():
        for url in sorted(set(pattern.findall(text))):
            if not url.startswith("/"):
                continue  # no third-party requests exist; anything else is not ours to weigh
            _status, _headers, asset = fetch(base + url, accept)
            weight[kind] += len(asset)
    weight["before_images"] = weight["html"] + weight["css"] + weight["js"]
    return weight


def lighthouse(url: str, name: str) -> dict | None:
    if not LIGHTHOUSE.exists():
        return None
    output = WORK / f"lighthouse-{name}.json"
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    if result.returncode != 0 or not output.exists():
        return {"error": (result.stderr or "no report").strip().splitlines()[-1][:120]}
    report = json.loads(output.read_text())
    return {key: round(value["score"] * 100) for key, value in report["categories"].items()}


# --- report -------------------------------------------------------------------------------------


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="load per page")
    parser.add_argument("--keep", action="store_true", help="keep var/bench/run afterwards")
    args = parser.parse_args()
    started = time.time()
    lines: list[str] = []

    def out(line: str = "") -> None:
        lines.append(line)
        print(line, flush=True)

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    static_copy = WORK / "static-copy"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hope.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "HOPE_REQUIRE_STAFF_MFA": "0",
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "CACHE_DIR": str(WORK / "cache"),
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "BENCH_STATIC_COPY": str(static_copy),
        "PYTHONPATH": str(REPO),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    machine_line = machine()

    log("peer: a fresh `wagtail start` project (in the background)")
    peer_result: dict = {}

    def build_peer():
        try:
            peer_result["dir"], peer_result["env"] = make_peer(env)
        except Exception as error:  # noqa: BLE001 - reported below
            peer_result["error"] = str(error)

    peer_thread = threading.Thread(target=build_peer)
    peer_thread.start()

    log("database: migrate, demo content, collectstatic")
    run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    run(
        [PY, "manage.py", "seed_demo"],
        {**env, "DJANGO_SETTINGS_MODULE": "hope.settings.dev"},
        stdout=subprocess.DEVNULL,
    )
    run([PY, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)

    log("data: 60 experts, 1,000 articles, 100 then 10,000 requests (bulk)")
    portal_json = WORK / "portal.json"
    snapshot = WORK / "bench-100.sqlite3"
    views_script = str(REPO / "bench" / "portal_views.py")
    run([PY, views_script, "build", str(portal_json), str(static_copy), str(snapshot)], env)
    portal = json.loads(portal_json.read_text())

    log("signed-in views: 100 and 10,000 requests, alternating, fresh process each, best of 2")
    sizes = {"small": f"sqlite:///{snapshot}", "large": env["DATABASE_URL"]}
    timed: dict[str, dict] = {"small": {}, "large": {}}
    for _round in range(2):
        for size, url in sizes.items():
            measured = WORK / f"views-{size}.json"
            run([PY, views_script, "measure", str(measured)], {**env, "DATABASE_URL": url})
            result = json.loads(measured.read_text())
            timed[size]["requests"] = result["requests"]
            for name, row in result["views"].items():
                best = timed[size].setdefault("views", {}).get(name)
                if best is None or row["ms"] < best["ms"]:
                    timed[size]["views"][name] = row
    portal["at_100"], portal["at_10000"] = timed["small"]["views"], timed["large"]["views"]
    peer_thread.join()

    servers = []
    try:
        port = free_port()
        servers.append(
            start_gunicorn("bench.wsgi_ceiling:application", port, env, REPO, WORK / "gunicorn.log")
        )
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/")
        peer_base = None
        if "dir" in peer_result:
            peer_port = free_port()
            servers.append(
                start_gunicorn(
                    "peer.wsgi:application",
                    peer_port,
                    peer_result["env"],
                    peer_result["dir"],
                    WORK / "peer.log",
                )
            )
            peer_base = f"http://127.0.0.1:{peer_port}"
            wait_for(peer_base + "/")

        loader = load_wrk if shutil.which("wrk") else load_python
        log(
            f"load: {'wrk' if loader is load_wrk else 'Python client (wrk not installed)'}, 2 threads, 16 connections, {args.seconds} s per page"
        )
        targets = [
            ("ceiling: static copy of the home HTML (WhiteNoise)", base + "/bench-static/home.html")
        ]
        if peer_base:
            targets.append(("peer: fresh `wagtail start` home", peer_base + "/"))
        # The request form right after the peer it is compared with; then the cached pages.
        public = dict(portal["public"])
        targets.append(("request form", base + public.pop("request form")))
        for name, path in public.items():
            targets.append((name, base + path))
        load = {}
        for name, url in targets:
            for _ in range(5):
                fetch(url)  # fill the page cache
            load[name] = loader(url, args.seconds)
            print(f"   {name}: {load[name]['rps']:.0f} req/s", flush=True)
        # The machine's other work drifts during the run: the ceiling and the peer are measured
        # first and last, and their means are what every page is compared with.
        for name, url in targets[: 2 if peer_base else 1]:
            again = loader(url, args.seconds)
            first = load[name]
            print(f"   {name} again: {again['rps']:.0f} req/s", flush=True)
            load[name] = {
                key: (first[key] + again[key]) / 2 if key != "errors" else first[key] + again[key]
                for key in first
            }

        log("page weight, static files, Lighthouse")
        weights = {name: page_weight(base, path) for name, path in portal["public"].items()}
        css = re.search(r'href="(/static/[^"]+\.css)"', (static_copy / "home.html").read_text())
        _status, static_headers, _body = fetch(base + css.group(1), {"Accept-Encoding": "br, gzip"})
        scores = {
            "home": lighthouse(base + "/", "home"),
            "request form": lighthouse(base + portal["public"]["request form"], "request-form"),
        }
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        if "dir" in peer_result:
            shutil.rmtree(peer_result["dir"], ignore_errors=True)

    # --- the report -----------------------------------------------------------------------------
    ceiling = load[targets[0][0]]["rps"]
    peer = load.get("peer: fresh `wagtail start` home", {}).get("rps")
    out(f"# make bench, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    out()
    out(
        f"Machine: {machine_line}. Load: {loader.__name__.removeprefix('load_')}, 2 threads, 16 connections, {args.seconds} s per page, gunicorn with 2 workers, production settings, SQLite, file cache."
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
    out(f"Bench took {time.time() - started:.0f} s.")
    (WORK / "report.md").write_text("\n".join(lines) + "\n")
    if not args.keep:
        for name in ("bench.sqlite3", "bench-100.sqlite3", "cache", "static", "media"):
            path = WORK / name
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(
                missing_ok=True
            )


if __name__ == "__main__":
    main()
