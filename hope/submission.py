"""One-time submission tokens: the same form posted twice stores one thing.

A form that creates something carries a hidden random token, made when the form is shown and
kept when it is shown again with errors. The service stores it on what it creates (a unique
column), so a second POST with the same token (a double click, a reload, a retried request)
finds the first result and returns it instead of storing a duplicate.
"""

from __future__ import annotations

import re
import secrets

from django import forms

FIELD_NAME = "submission_token"
_TOKEN = re.compile(r"[0-9a-f]{32}")


def new_submission_token() -> str:
    return secrets.token_hex(16)


def clean_submission_token(value) -> str | None:
    """A well-formed token, or None (an old form without one still works, without the guard)."""
    value = (value or "").strip().lower() if isinstance(value, str) else ""
    return value if _TOKEN.fullmatch(value) else None


class SubmissionTokenField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", new_submission_token)  # a new one each time it is shown
        super().__init__(**kwargs)

    def clean(self, value):
        return clean_submission_token(super().clean(value))


def submission_token_model_field():
    """The column a service stores the token in (unique: the database refuses a second one)."""
    from django.db import models
    from django.utils.translation import gettext_lazy as _

    return models.CharField(
        _("submission token"), max_length=32, unique=True, null=True, blank=True, editable=False
    )
