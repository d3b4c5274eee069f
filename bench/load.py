"""Load without loss: 500 public requests from 20 clients, 50 racers booking one expert.

    .venv/bin/python bench/load.py [--submissions 500] [--clients 20] [--racers 50]
    make load

Bounded and local: everything listens on 127.0.0.1 only, every request has a timeout, the whole
run stops after --max-seconds (default 600), and the server and database it starts are stopped
and removed at the end. Not part of `make test` or `.ci/run`.

1. Starts a throwaway PostgreSQL cluster (Debian's binaries, as .ci/postgres.sh does; falls back
   to SQLite when there are none), migrates it, and starts the production-like server itself:
   gunicorn when installed (the `production` extra), otherwise `manage.py runserver --noreload`.
   Settings are `hope.settings.production` with only what plain HTTP on loopback needs changed
   (no HTTPS redirect, cookies without the Secure flag), static files without the manifest (no
   static file is requested), and the public form's rate limit raised: it would otherwise,
   rightly, refuse 500 requests from one address.
2. 20 client threads send 500 guest requests through the public form (GET the form, take the CSRF
   token, POST), then prints how many were stored and how many failed. Expect 500 and 0.
3. On PostgreSQL: 50 threads ask one expert for the same moment at once through the scheduling
   service (each its own database connection), then prints how many engagements exist. Expect 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
LOAD_SETTINGS = """
from hope.settings.production import *  # noqa: F403

# Plain HTTP on loopback: no HTTPS redirect, cookies without the Secure flag.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# No static file is requested; templates only need {% static %} to resolve.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# 500 requests from one address would (rightly) be refused by the public form's rate limit.
HOPE_REQUEST_FORM_RATE_LIMIT = (1_000_000, 3600)
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- PostgreSQL ------------------------------------------------------------------------------


class Postgres:
    """A throwaway cluster on loopback, like .ci/postgres.sh (server binaries run as `postgres`
    when we are root: initdb refuses root)."""

    def __init__(self, workdir: Path):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        self.bin = bins[-1].parent if bins else None
        self.dir = workdir / "pg"
        self.port = free_port()
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

    @property
    def available(self) -> bool:
        return self.bin is not None

    def start(self) -> str:
        self.dir.mkdir()
        if self.as_pg:
            shutil.chown(self.dir, "postgres", "postgres")
        run = [*self.as_pg, str(self.bin / "initdb"), "-D", str(self.dir / "data")]
        subprocess.run([*run, "-A", "trust", "-U", "hope", "-E", "UTF8"], check=True, **QUIET)
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses={HOST} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            [*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-w"]
            + ["-l", str(self.dir / "server.log"), "-o", options, "start"],
            check=True,
            **QUIET,
        )
        subprocess.run(
            [str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "hope", "hope"],
            check=True,
            **QUIET,
        )
        return f"postgres://hope@{HOST}:{self.port}/hope"

    def stop(self) -> None:
        if self.bin is not None and (self.dir / "data").exists():
            subprocess.run(
                [*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data")]
                + ["-m", "fast", "stop"],
                check=False,
                **QUIET,
            )


QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


# --- the server ------------------------------------------------------------------------------


def start_server(env: dict, port: int, log) -> tuple[subprocess.Popen, str]:
    gunicorn = Path(PYTHON).with_name("gunicorn")
    if gunicorn.exists():
        command = [str(gunicorn), "hope.wsgi:application", "--bind", f"{HOST}:{port}"]
        command += ["--workers", "2", "--threads", "4", "--timeout", "60"]
        if (REPO / "gunicorn.conf.py").exists():
            command += ["--config", str(REPO / "gunicorn.conf.py")]
        kind = "gunicorn"
    else:
        command = [PYTHON, "manage.py", "runserver", f"{HOST}:{port}", "--noreload"]
        kind = "manage.py runserver --noreload"
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2)  # noqa: S310
            return process, kind
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at once; see {log.name}")
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("the server did not answer within 60 s")


# --- 500 public requests ---------------------------------------------------------------------

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A 302 after the POST is the answer we check, not a page to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def submit_one(base: str, number: int) -> bool:
    """One guest request through the public form, as a browser sends it. True when accepted."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    url = f"{base}/portaal/aanvragen/nieuw/"
    with opener.open(url, timeout=30) as response:
        token = TOKEN.search(response.read().decode()).group(1)
    day = (dt.date.today() + dt.timedelta(days=40 + number % 200)).isoformat()
    fields = {
        "csrfmiddlewaretoken": token,
        "kind": "talk",
        "title": f"Training signals {number}",
        "description": "We want our youth workers to recognise signals earlier.",
        "audience_description": "Youth workers",
        "mode": "online",
        "date_1": day,
        "start_1": "10:00",
        "end_1": "12:00",
        "consent": "on",
        "website": "",
        "first_name": "Load",
        "last_name": f"Tester {number}",
        "email": f"load.tester.{number}@example.org",
        "organisation_name": f"Gemeente Belasting {number % 37}",
        "organisation_kind": "municipality",
    }
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url, data=urllib.parse.urlencode(fields).encode(), headers={"Referer": url}
    )
    try:
        with opener.open(request, timeout=30) as response:
            return False  # a 200 is the form again: refused
    except urllib.error.HTTPError as error:
        return error.code == 302 and "verstuurd" in error.headers.get("Location", "")


def submissions(base: str, total: int, clients: int, deadline: float) -> tuple[int, int, float]:
    numbers = iter(range(total))
    lock = threading.Lock()
    errors = [0]

    def client():
        while time.monotonic() < deadline:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            try:
                accepted = submit_one(base, number)
            except Exception:  # noqa: BLE001 - every failure counts as an error
                accepted = False
            if not accepted:
                with lock:
                    errors[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total, errors[0], time.monotonic() - started


# --- 50 racers for one expert ----------------------------------------------------------------


def race(racers: int) -> tuple[int, int]:
    """`racers` coordinators ask one expert for the same two hours at once (one thread and one
    database connection each). Returns (engagements of that expert, refusals)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.utils import timezone

    from bookings.enums import Audience, EngagementKind, RequestStatus
    from bookings.models import BookingRequest, Engagement, Organisation, next_request_reference
    from bookings.services import engagements as engagement_services
    from hope.roles import COORDINATORS
    from speakers.models import AudienceOption, FormatOption
    from speakers.services import expert_create, expert_ensure_calendar

    coordinator = get_user_model().objects.create_user(
        email="race.coordinator@example.org", password=None
    )
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    expert = expert_create(
        public_name="Racer Expert", monthly_capacity=30, regions=["nationwide"], languages=["nl"]
    )
    expert.formats.set(FormatOption.objects.filter(code__in=[k.value for k in EngagementKind]))
    expert.audiences.set(AudienceOption.objects.filter(code__in=[a.value for a in Audience]))
    expert_ensure_calendar(expert=expert)
    organisation = Organisation.objects.create(name="Race Organisation", kind="municipality")
    starts = timezone.now().replace(microsecond=0, second=0, minute=0) + dt.timedelta(days=50)
    requests = [
        BookingRequest.objects.create(
            reference=next_request_reference(),
            organisation=organisation,
            kind=EngagementKind.TALK,
            title=f"Race {number}",
            description="Same expert, same moment.",
            audience_kind=Audience.PROFESSIONALS,
            mode="online",
            status=RequestStatus.MATCHING,
        )
        for number in range(racers)
    ]
    barrier = threading.Barrier(racers)
    refusals = [0]
    lock = threading.Lock()

    def racer(booking_request):
        try:
            barrier.wait(timeout=60)
            engagement_services.engagement_ask(
                booking_request=booking_request,
                expert=expert,
                actor=coordinator,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
            )
        except Exception:  # noqa: BLE001 - refused (busy), or the database said no
            with lock:
                refusals[0] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=racer, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Engagement.objects.filter(expert=expert).count(), refusals[0]


# --- main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--racers", type=int, default=50)
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds

    workdir = Path(tempfile.mkdtemp(prefix="hope-load-"))
    if os.getuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
        workdir.chmod(0o755)
    (workdir / "hope_load_settings.py").write_text(LOAD_SETTINGS)
    postgres = Postgres(workdir)
    server = None
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed in finally
    try:
        if postgres.available:
            database_url = postgres.start()
            print(f"database: throwaway PostgreSQL on {HOST}:{postgres.port}")
        else:
            database_url = f"sqlite:///{workdir / 'load.sqlite3'}"
            print("database: SQLite (no PostgreSQL server binaries found; the race is skipped)")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hope_load_settings",
            "PYTHONPATH": os.pathsep.join([str(workdir), str(REPO)]),
            "DATABASE_URL": database_url,
            "SECRET_KEY": "load-" + os.urandom(32).hex(),
            "ALLOWED_HOSTS": HOST,
            "CACHE_DIR": str(workdir / "cache"),
            "MEDIA_ROOT": str(workdir / "media"),
            "HOPE_REQUIRE_STAFF_MFA": "0",
        }
        migrate = [PYTHON, "manage.py", "migrate", "--noinput"]
        subprocess.run(migrate, cwd=REPO, env=env, check=True, **QUIET)  # noqa: S603
        port = free_port()
        server, kind = start_server(env, port, log)
        print(f"server: {kind} on http://{HOST}:{port}")

        total, errors, seconds = submissions(
            f"http://{HOST}:{port}", args.submissions, args.clients, deadline
        )
        os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
        sys.path[:0] = [str(workdir), str(REPO)]
        import django

        django.setup()
        from bookings.models import BookingRequest

        stored = BookingRequest.objects.count()
        print(
            f"submissions: {total} sent by {args.clients} clients in {seconds:.1f} s → "
            f"{stored} stored, {errors} errors (expect {total} and 0)"
        )
        if postgres.available:
            engagements, refusals = race(args.racers)
            print(
                f"race: {args.racers} concurrent asks for one expert at one time → "
                f"{engagements} engagement(s), {refusals} refused (expect 1)"
            )
        ok = stored == total and errors == 0
        return 0 if ok else 1
    finally:
        if server is not None:
            server.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=15)
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        postgres.stop()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
