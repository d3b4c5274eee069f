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

One module per step beside this one: run_common.py (paths, helpers), run_servers.py (gunicorn,
the peer), run_load.py (wrk or the Python client), run_weight.py (page weight, Lighthouse),
run_report.py (the tables). Prints markdown tables; also written to var/bench/run/report.md.
Ratios matter: absolute numbers depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import threading
import time

from run_common import PY, REPO, WORK, fetch, free_port, log, run, wait_for
from run_load import measure_pages
from run_report import machine, report
from run_servers import make_peer, start_gunicorn, stop
from run_weight import lighthouse, page_weight


def bench_env(static_copy) -> dict:
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
        # Production recycles workers every ~2,000 requests; mid-load that measures worker boots
        # (seconds on a busy machine, counted as wrk errors), not pages.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    env.pop("REDIS_URL", None)
    return env


def start_peer(env: dict) -> tuple[threading.Thread, dict]:
    log("peer: a fresh `wagtail start` project (in the background)")
    peer_result: dict = {}

    def build_peer():
        try:
            peer_result["dir"], peer_result["env"] = make_peer(env)
        except Exception as error:  # noqa: BLE001 - reported below
            peer_result["error"] = str(error)

    peer_thread = threading.Thread(target=build_peer)
    peer_thread.start()
    return peer_thread, peer_result


def build_data(env: dict, static_copy, snapshot) -> dict:
    """Step 1 and the first half of 2: the database, the demo content, the scaled-up data."""
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
    views_script = str(REPO / "bench" / "portal_views.py")
    run([PY, views_script, "build", str(portal_json), str(static_copy), str(snapshot)], env)
    return json.loads(portal_json.read_text())


def measure_signed_in(env: dict, snapshot) -> dict:
    """Step 2: the signed-in views at both sizes, alternating, fresh process each, best of 2."""
    log("signed-in views: 100 and 10,000 requests, alternating, fresh process each, best of 2")
    views_script = str(REPO / "bench" / "portal_views.py")
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
    return timed


def measure_public(env: dict, portal: dict, peer_result: dict, seconds: int, static_copy) -> dict:
    """Steps 3 to 5: gunicorn for the portal (and the ceiling) and the peer; load, page weight,
    static-file headers, Lighthouse. Every port is a free one picked at run time."""
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
        load, loader = measure_pages(targets, seconds=seconds, references=2 if peer_base else 1)

        log("page weight, static files, Lighthouse")
        weights = {name: page_weight(base, path) for name, path in portal["public"].items()}
        css = re.search(r'href="(/static/[^"]+\.css)"', (static_copy / "home.html").read_text())
        _status, static_headers, _body = fetch(base + css.group(1), {"Accept-Encoding": "br, gzip"})
        scores = {
            "home": lighthouse(base + "/", "home"),
            "request form": lighthouse(base + portal["public"]["request form"], "request-form"),
        }
    finally:
        stop(servers)
        if "dir" in peer_result:
            shutil.rmtree(peer_result["dir"], ignore_errors=True)
    return {
        "targets": targets,
        "load": load,
        "loader": loader,
        "weights": weights,
        "css": css,
        "static_headers": static_headers,
        "scores": scores,
    }


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
    snapshot = WORK / "bench-100.sqlite3"
    env = bench_env(static_copy)
    machine_line = machine()

    peer_thread, peer_result = start_peer(env)
    portal = build_data(env, static_copy, snapshot)
    timed = measure_signed_in(env, snapshot)
    portal["at_100"], portal["at_10000"] = timed["small"]["views"], timed["large"]["views"]
    peer_thread.join()
    public = measure_public(env, portal, peer_result, args.seconds, static_copy)

    report(
        out=out,
        machine_line=machine_line,
        seconds=args.seconds,
        portal=portal,
        timed=timed,
        **public,
    )
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
