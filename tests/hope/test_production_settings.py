"""Production settings, imported for real in a child process with only the variables given
(tests never depend on the caller's environment)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Fixed (not random): pytest-xdist workers must collect the same parametrised test ids.
GOOD_KEY = "q7Vd2LmX9pRt4KwZ8nBy3HcJ6sFg1QaE5uTi0oPl7MkNbVcXzAsDfGhJkLq2"


def _run(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "hope.settings.production",
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup(); print('started')"


@pytest.mark.parametrize(
    "key",
    [
        "x" * 60,  # long, but one repeated character
        "abcd" * 15,  # four distinct characters
        "django-insecure-" + GOOD_KEY,  # a key made by startproject for development
        GOOD_KEY[:40],  # too short
    ],
)
def test_production_refuses_a_weak_secret_key(tmp_path, key):
    result = _run(SETUP, tmp_path, SECRET_KEY=key)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters" in result.stderr
    assert "started" not in result.stdout


def test_production_starts_with_a_strong_secret_key(tmp_path):
    result = _run(SETUP, tmp_path, SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


HEALTH = """
import django
django.setup()
from django.test import Client
client = Client()
print("healthz", client.get("/healthz", HTTP_HOST="portal.example.org").status_code)
print("home", client.get("/", HTTP_HOST="portal.example.org").status_code)
"""


def test_healthz_answers_plain_http_health_checks_without_a_redirect(tmp_path):
    result = _run(HEALTH, tmp_path, SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert "healthz 200" in result.stdout
    assert "home 301" in result.stdout  # everything else still goes to HTTPS
