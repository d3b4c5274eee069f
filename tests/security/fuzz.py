"""Helpers for fuzzing forms: nasty values, Dutch error messages, row counts.

`field_values(valid)` gives, per field, either its valid value or something nasty (NUL bytes,
huge or exotic text, HTML and template payloads, impossible or far dates, negative numbers).
`post_and_check()` posts one example through the test client inside a rolled-back savepoint and
checks the rules every form keeps: no server error, every error message translated into Dutch,
and nothing saved when the form is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from django.apps import apps
from django.contrib.messages import constants, get_messages
from django.core.cache import cache
from django.db import transaction
from django.forms import BaseForm
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    # No shrinking: a failure is reported as found, so a failing run stays bounded in time too.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

PAYLOADS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7|add:7 }}{% debug %}",
    "%(reference)s %s {0}",
    "' OR 1=1 --",
    "9999-12-31",
    "0001-01-01",
    "1900-01-01",
    "2020-02-30",
    "31-12-9999",
    "-1",
    "-99999999999999999999",
    "0",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999999",
    "25:61",
    "23:59",
    "\u202egnp.exe",
    "Zoë d’Éclair 𝕳𝖔𝖕𝖊 😀",
    "A" * 6000,
    "Ä" * 120_000,
    "\r\n" * 50,
    "../../etc/passwd",
]


def _relative_day(days: int) -> str:
    from django.utils import timezone

    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


NASTY = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=300),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.integers(min_value=-800, max_value=1200).map(_relative_day),
)


def field_values(valid: dict, *, only_nasty: tuple = ()) -> st.SearchStrategy:
    """A form's data: each field its valid value or a nasty one."""
    return st.fixed_dictionaries(
        {
            name: NASTY if name in only_nasty else st.one_of(st.just(value), NASTY)
            for name, value in valid.items()
        }
    )


# --- Dutch error messages ------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}")


@functools.cache
def _dutch_catalogue():
    """Dutch messages: exact ones, and (prefix, suffix, regex) for those with placeholders."""
    from django.utils.translation import trans_real

    catalogue = trans_real.translation("nl")._catalog
    exact, patterns = set(), []
    for key, text in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not text or text == msgid:
            continue
        exact.add(text)
        literal = _PLACEHOLDER.sub("", text)
        if _PLACEHOLDER.search(text) and sum(char.isalpha() for char in literal) >= 6:
            parts = _PLACEHOLDER.split(text)
            regex = re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)
            patterns.append((parts[0], parts[-1], regex))
    return exact, patterns


def is_dutch(message: str) -> bool:
    """The message is a Dutch translation from a catalogue (its placeholders filled in).

    The cheap prefix/suffix test comes first: messages can hold 100 000 typed characters."""
    exact, patterns = _dutch_catalogue()
    message = str(message).strip()
    if message in exact:
        return True
    return any(
        message.startswith(prefix) and message.endswith(suffix) and regex.fullmatch(message)
        for prefix, suffix, regex in patterns
    )


def error_messages(response) -> list[str]:
    found = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            if isinstance(value, BaseForm) and value.is_bound:
                for errors in value.errors.values():
                    found.extend(str(error) for error in errors)
    request = getattr(response, "wsgi_request", None)
    if request is not None:
        found.extend(
            str(message) for message in get_messages(request) if message.level >= constants.ERROR
        )
    return found


# --- nothing half-saved --------------------------------------------------------------------

COUNTED_MODELS = [
    "hope.User",
    "account.EmailAddress",
    "bookings.Organisation",
    "bookings.OrganisationMembership",
    "bookings.BookingRequest",
    "bookings.DateOption",
    "bookings.Engagement",
    "bookings.Message",
    "bookings.Evaluation",
    "bookings.Activity",
    "bookings.AftercareCheckIn",
    "bookings.ExpertFeedback",
    "speakers.Unavailability",
    "schedule.Event",
]


def row_counts() -> dict:
    return {label: apps.get_model(label).objects.count() for label in COUNTED_MODELS}


class FuzzReport:
    """Counts forms and examples, for the figures in docs/security.md."""

    forms: set = set()
    examples = 0


def post_and_check(client, url: str, data: dict, *, form_name: str, changes=()) -> int:
    """POST `data`, check the rules, roll everything back. Returns the status code.

    `changes` are fields of existing rows the form may change when it is accepted; a refused
    form (any answer but a redirect) must leave every row count as it was.
    """
    FuzzReport.forms.add(form_name)
    FuzzReport.examples += 1
    cache.clear()  # rate limits count in the cache
    with transaction.atomic():
        before = row_counts()
        response = client.post(url, data)
        after = row_counts()
        transaction.set_rollback(True)
    status = response.status_code
    assert status < 500, f"{form_name}: {status} for {data!r}"
    if status not in (301, 302, 303):
        assert after == before, (
            f"{form_name}: refused ({status}) but rows changed: "
            f"{ {k: (before[k], after[k]) for k in before if before[k] != after[k]} }"
        )
    untranslated = [message for message in error_messages(response) if not is_dutch(message)]
    assert not untranslated, f"{form_name}: error messages not in Dutch: {untranslated}"
    return status
