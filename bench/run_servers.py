"""The servers `make bench` measures: the portal (and the ceiling) under gunicorn, and the peer,
a fresh `wagtail start` project made from the installed Wagtail."""

from __future__ import annotations

import secrets
import subprocess
import tempfile
from pathlib import Path

from run_common import PY, REPO, VENV_BIN, run


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


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
