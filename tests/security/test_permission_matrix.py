"""The permission matrix: every URL pattern of the project, every role, objects of A and B.

A new URL pattern without a row in `matrix_table.py` fails `test_every_url_pattern_has_a_row`,
so whoever adds a URL decides who may reach it. `test_permission_matrix` then asks every URL as
every role (anonymous, organisation A and B, expert A and B, editor, coordinator) on the
objects of A and of B, and compares the answers with the table.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.matrix import (
    LOGIN,
    OBJECTS,
    ROLES,
    SIDES,
    build_world,
    filler_url,
    outcome,
    patterns,
)
from tests.security.matrix_table import GROUPS, MATRIX

TABLE = "tests/security/matrix_table.py"
NON_STAFF = ("anonymous", "org_a", "expert_a")


def row_for(key: str):
    """("row", row) for an exact row, ("group", prefix) for Wagtail's own views, or None."""
    if key in MATRIX:
        return "row", MATRIX[key]
    prefixes = [prefix for prefix in GROUPS if key.startswith(prefix)]
    if prefixes:
        return "group", max(prefixes, key=len)
    return None


def _how_to_add(pattern) -> str:
    shape = "org_owned(OK)" if pattern.converters else "logged_in(OK)"
    obj = ' "obj": "<whose object>",' if pattern.converters else ""
    return (
        f"  - {pattern.key!r}: route {pattern.route!r}, view {pattern.view}\n"
        f'    add to MATRIX in {TABLE}:  {pattern.key!r}: {{{obj} "expect": {shape}}},'
    )


def test_every_url_pattern_has_a_row():
    missing = [pattern for pattern in patterns() if row_for(pattern.key) is None]
    assert not missing, (
        f"{len(missing)} URL pattern(s) have no row in the permission matrix. Decide who may "
        f"reach each one and add a row (see the top of {TABLE} for the helpers):\n"
        + "\n".join(_how_to_add(pattern) for pattern in missing)
    )


def test_every_row_names_a_url_pattern():
    keys = {pattern.key for pattern in patterns()}
    stale = sorted(set(MATRIX) - keys)
    assert not stale, (
        f"Rows for URL patterns that no longer exist; remove them from {TABLE}: {stale}"
    )


def test_every_row_names_every_role():
    incomplete = {key: sorted(set(ROLES) - set(row["expect"])) for key, row in MATRIX.items()}
    incomplete = {key: roles for key, roles in incomplete.items() if roles}
    assert not incomplete, f"Rows without an answer for some roles: {incomplete}"


class Asker:
    """One signed-in client per role; every request runs in a savepoint that is rolled back,
    so an action (an empty POST) by one role changes nothing for the next."""

    def __init__(self, world):
        self.clients = {}
        self.cookies = {}
        for role in ROLES:
            client = Client(raise_request_exception=False)
            if world.users[role] is not None:
                client.force_login(world.users[role])
            self.clients[role] = client
            self.cookies[role] = client.cookies.get(settings.SESSION_COOKIE_NAME)
        self.count = 0

    def ask(self, role: str, url: str, *, post: bool = False) -> str:
        client = self.clients[role]
        client.cookies.clear()
        if self.cookies[role] is not None:  # a logout view may have dropped it
            client.cookies[settings.SESSION_COOKIE_NAME] = self.cookies[role].value
        savepoint = transaction.savepoint()
        try:
            response = client.post(url, {}) if post else client.get(url)
        finally:
            transaction.savepoint_rollback(savepoint)
        self.count += 1
        return outcome(response)


def _url(key, row, mine) -> str:
    if "path" in row:
        return row["path"]
    if "obj" in row:
        return reverse(key, kwargs=OBJECTS[row["obj"]](mine))
    return reverse(key)


@pytest.mark.django_db
def test_permission_matrix(capsys):
    started = time.monotonic()
    world = build_world()
    asker = Asker(world)
    wrong = []
    covered = set()

    def check(key, role, url, expected, *, post=False, side="", tolerated=None):
        got = asker.ask(role, url, post=post)
        if got != expected and got != tolerated:
            wrong.append(f"  {key} as {role}{side}: expected {expected}, got {got}  ({url})")

    for pattern in patterns():
        kind, entry = row_for(pattern.key)
        if kind == "group":
            url = filler_url(pattern)
            for role in NON_STAFF:
                check(pattern.key, role, url, LOGIN)
        elif pattern.key not in covered:
            for role in ROLES:
                expected = entry["expect"][role]
                if "obj" in entry:
                    # A pair compares A's and B's objects; one answer for both is asked on A's
                    # (the roles it is given to own neither, or are staff).
                    pairs = expected if isinstance(expected, tuple) else (expected,)
                    for side, wanted in zip(SIDES, pairs, strict=False):
                        url = _url(pattern.key, entry, getattr(world, side))
                        check(
                            pattern.key,
                            role,
                            url,
                            wanted,
                            post=entry.get("post"),
                            side=side,
                            tolerated=entry.get("known_bug", {}).get(role),
                        )
                else:
                    url = _url(pattern.key, entry, None)
                    check(
                        pattern.key,
                        role,
                        url,
                        expected,
                        post=entry.get("post"),
                        tolerated=entry.get("known_bug", {}).get(role),
                    )
        covered.add(pattern.key)

    for prefix, group in GROUPS.items():
        if group["probe"]:
            for role in ("editor", "coordinator"):
                check(f"{prefix}* (probe)", role, reverse(group["probe"]), group["staff"][role])

    all_patterns = patterns()
    with capsys.disabled():
        print(
            f"\npermission matrix: {len(all_patterns)} URL patterns covered "
            f"({sum(1 for p in all_patterns if p.key in MATRIX)} with their own row, the rest "
            f"in {len(GROUPS)} Wagtail groups), {len(ROLES)} roles, {asker.count} requests, "
            f"{time.monotonic() - started:.1f} s"
        )
    assert not wrong, f"{len(wrong)} answers differ from {TABLE}:\n" + "\n".join(wrong)
