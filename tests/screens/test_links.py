"""Links in emails and in `make run`'s output point at the address being served."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]


def test_make_run_serves_and_links_on_the_same_port():
    # Replace the interpreter by one that prints what each step would see: no server is started.
    probe = (
        f"{sys.executable} -c 'import os, sys; print(os.environ.get(\"BASE_URL\"), *sys.argv[1:])'"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"BASE_URL", "MAKEFLAGS"}}
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "run", "PORT=8123", f"PY={probe}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "http://127.0.0.1:8123 manage.py migrate --noinput",
        "http://127.0.0.1:8123 manage.py seed_demo",
        "http://127.0.0.1:8123 manage.py runserver 127.0.0.1:8123",
    ]


def test_base_url_from_the_environment_is_the_email_base():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "hope.settings.dev", "BASE_URL": "http://127.0.0.1:8123"})
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "http://127.0.0.1:8123", result.stderr


@pytest.mark.django_db
def test_printed_answer_link_and_emails_use_the_served_address(settings, mailoutbox, run_on_commit):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    out = io.StringIO()
    with run_on_commit():
        call_command("seed_demo", stdout=out)
    answer_lines = [line for line in out.getvalue().splitlines() if "Answer link" in line]
    assert answer_lines and "http://127.0.0.1:8123/" in answer_lines[0]
    # Demo titles never tell an organisation what only coordinators may know.
    from bookings.models import BookingRequest

    assert not BookingRequest.objects.filter(title__icontains="demo:").exists()
    linked = [m for m in mailoutbox if "http://" in m.body]
    assert linked, "the demo sends at least one email with a link"
    for message in linked:
        assert "http://127.0.0.1:8000" not in message.body
        assert "http://127.0.0.1:8123/" in message.body
