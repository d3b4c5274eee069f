"""The foundation's promises: the real `requests`, safe settings, health check, groups, demo."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError

from hope.roles import COORDINATORS, EDITORS, is_coordinator, is_editor
from tests.factories import CoordinatorFactory, EditorFactory, UserFactory

REPO = Path(__file__).resolve().parents[2]


def test_requests_is_the_http_library_not_a_project_package():
    import requests

    assert hasattr(requests, "RequestException")
    assert "site-packages" in requests.__file__


def _run_with_settings(module: str, env: dict, code: str) -> subprocess.CompletedProcess:
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update({"DJANGO_SETTINGS_MODULE": module, **env})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP = "import django; django.setup(); from django.conf import settings; "


def test_production_refuses_to_start_without_secret_key():
    result = _run_with_settings(
        "hope.settings.production",
        {"ALLOWED_HOSTS": "hope.example"},
        SETUP + "print(settings.DEBUG)",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_with_settings(
        "hope.settings.production",
        {"SECRET_KEY": "a-very-long-random-production-secret-key-0123456789-abcdefghijkl"},
        SETUP + "print(settings.DEBUG)",
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_is_safe_and_check_deploy_is_clean(tmp_path):
    env = {
        "SECRET_KEY": "a-very-long-random-production-secret-key-0123456789-abcdefghijkl",
        "ALLOWED_HOSTS": "hope.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = _run_with_settings(
        "hope.settings.production",
        env,
        SETUP
        + "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]

    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "hope.settings.production",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_base_settings_default_to_debug_off():
    result = _run_with_settings("hope.settings.base", {}, SETUP + "print(settings.DEBUG)")
    assert result.stdout.strip() == "False"


def test_languages_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _ in settings.LANGUAGES] == ["nl", "en"]
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert settings.ACCOUNT_LOGIN_METHODS == {"email"}


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_healthz_reports_unavailable_database(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken_execute(self, sql, params=None):
        raise DatabaseError("database is down")

    monkeypatch.setattr(CursorWrapper, "execute", broken_execute)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


@pytest.mark.django_db
def test_users_are_stored_with_lower_case_email():
    user = UserFactory(email="Mixed.Case@Example.ORG")
    user.refresh_from_db()
    assert user.email == "mixed.case@example.org"


@pytest.mark.django_db
def test_groups_exist_with_their_permissions():
    coordinators = Group.objects.get(name=COORDINATORS)
    editors = Group.objects.get(name=EDITORS)
    coordinator_perms = {p.codename for p in coordinators.permissions.all()}
    editor_perms = {p.codename for p in editors.permissions.all()}
    assert "access_admin" in coordinator_perms
    assert "access_admin" in editor_perms
    assert "add_image" in editor_perms and "add_document" in editor_perms
    assert "change_sitesettings" not in editor_perms or "change_sitesettings" in coordinator_perms
    assert editors.page_permissions.filter(permission__codename="publish_page").exists()


@pytest.mark.django_db
def test_role_helpers():
    assert is_coordinator(CoordinatorFactory())
    assert not is_coordinator(EditorFactory())
    assert is_editor(EditorFactory())
    assert not is_editor(UserFactory())


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_creates_verified_accounts(settings):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    users = get_user_model().objects.filter(email__endswith="@example.org")
    emails = set(users.values_list("email", flat=True))
    assert {
        "coordinator@example.org",
        "editor@example.org",
        "expert1@example.org",
        "expert2@example.org",
        "org1@example.org",
        "org2@example.org",
    } <= emails
    assert EmailAddress.objects.filter(email="coordinator@example.org", verified=True).count() == 1
    coordinator = users.get(email="coordinator@example.org")
    assert coordinator.check_password(settings.HOPE_DEMO_DEFAULT_PASSWORD)
    assert is_coordinator(coordinator)


@pytest.mark.django_db
def test_seed_demo_uses_demo_password_from_environment(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-secret")
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        get_user_model().objects.get(email="org1@example.org").check_password("another-demo-secret")
    )


@pytest.mark.django_db
def test_seed_demo_refuses_without_permission(settings):
    settings.HOPE_ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo", stdout=io.StringIO())


def test_production_settings_refuse_demo_data():
    result = _run_with_settings(
        "hope.settings.production",
        {
            "SECRET_KEY": "another-long-random-production-secret-0123456789-abcdefghijklmn",
            "ALLOWED_HOSTS": "hope.example",
        },
        SETUP + "print(settings.HOPE_ALLOW_DEMO_DATA)",
    )
    assert result.stdout.strip() == "False", result.stderr
