"""Public pages against a static copy of the same HTML, served by whitenoise from the same server.

    .venv/bin/python bench/public_pages.py [--requests 200]

Builds a throwaway SQLite database with the demo content, starts one WSGI server on 127.0.0.1
(the Django app wrapped in WhiteNoise, which also serves a static copy of each page's HTML), and
requests every page and its static copy alternately. Prints per page: queries per request, median
and p90 latency of both, and their ratio. Ratios are the result: the absolute times depend on the
machine. Not part of `make test`.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def fetch(url: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        body = response.read()
    return time.perf_counter() - started, body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hope-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DEBUG"] = "0"
    os.environ["CACHE_DIR"] = str(workdir / "cache")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hope.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page
    from whitenoise import WhiteNoise

    from hope.wsgi import application as _unused  # noqa: F401 - proves the WSGI module imports

    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from django.core.wsgi import get_wsgi_application

    static_dir = workdir / "static-copy"
    static_dir.mkdir()
    app = WhiteNoise(get_wsgi_application(), root=str(static_dir), prefix="static-copy/")
    server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    base = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()

    # One page per page type, plus the home page.
    seen_types, paths = set(), ["/"]
    for page in Page.objects.live().filter(depth__gt=2).specific().order_by("path"):
        kind = type(page).__name__
        url = page.get_url()
        if kind in seen_types or not url or not url.startswith("/"):
            continue
        seen_types.add(kind)
        paths.append(url)

    print(f"{'page':<45}{'queries':>8}{'page ms':>10}{'static ms':>10}{'p90 page':>10}{'ratio':>8}")
    for index, path in enumerate(paths):
        _elapsed, body = fetch(base + path)
        (static_dir / f"{index}.html").write_bytes(body)
        # WhiteNoise indexes files at start-up; re-create the app to see the new file.
        server.set_app(
            WhiteNoise(get_wsgi_application(), root=str(static_dir), prefix="static-copy/")
        )

        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        page_times, static_times = [], []
        for _ in range(args.requests):
            page_times.append(fetch(base + path)[0])
            static_times.append(fetch(f"{base}/static-copy/{index}.html")[0])
        page_ms = statistics.median(page_times) * 1000
        static_ms = statistics.median(static_times) * 1000
        p90 = statistics.quantiles(page_times, n=10)[-1] * 1000
        print(
            f"{path[:44]:<45}{len(queries):>8}{page_ms:>10.2f}{static_ms:>10.2f}{p90:>10.2f}"
            f"{page_ms / static_ms:>8.1f}x"
        )
    server.shutdown()


if __name__ == "__main__":
    main()
