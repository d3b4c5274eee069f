"""What an outbox row needs to render its email, stored so that a copy of the database (a
backup, the task table, a curious query) shows no link, code, address or place.

The context is turned into JSON where model instances become references (app, model, pk) that are
loaded again at send time, and the JSON is encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under
a key derived from SECRET_KEY with HKDF and a fixed purpose string. Keys in SECRET_KEY_FALLBACKS
still decrypt, so rotating the secret key does not lose queued email.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
from decimal import Decimal

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.safestring import SafeData, mark_safe

_SALT = b"platform-hope.outbox"
_PURPOSE = b"hope.outbox.OutboundEmail.payload v1"


class NotSerializable(TypeError):
    """The context holds something that cannot be stored and loaded again faithfully."""


class PayloadUnreadable(Exception):
    """The payload cannot be decrypted (secret key changed without a fallback) or loaded."""


@functools.lru_cache(maxsize=8)
def _fernet_for(secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_PURPOSE).derive(
        secret.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet_for(str(secret)) for secret in secrets if secret])


def encrypt(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data, separators=(",", ":")).encode()).decode()


def decrypt(token: str) -> dict:
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except (InvalidToken, ValueError) as error:
        raise PayloadUnreadable(type(error).__name__) from error


# --- context <-> JSON ------------------------------------------------------------------------


def _lazy_gettext_message(value: Promise) -> str | None:
    """The message id of a `gettext_lazy("...")`, so it is translated at send time."""
    try:
        func, args = value.__reduce__()[1][:2]
    except (AttributeError, IndexError, TypeError, ValueError):
        return None
    if func is translation.gettext and len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return None


def dump(value):
    """A JSON-able form of a template context value; NotSerializable if there is none."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, SafeData) and isinstance(value, str):
        return {"__t": "safe", "v": str(value)}
    if isinstance(value, str):
        return value
    if isinstance(value, Promise):
        message = _lazy_gettext_message(value)
        if message is not None:
            return {"__t": "gettext", "v": message}
        return str(value)
    if isinstance(value, models.Model):
        if value.pk is None:
            raise NotSerializable("unsaved model instance")
        meta = value._meta
        return {"__t": "model", "m": meta.label_lower, "pk": dump(value.pk)}
    if callable(value) and isinstance(getattr(value, "__self__", None), models.Model):
        return {"__t": "method", "o": dump(value.__self__), "n": value.__name__}
    if isinstance(value, Decimal):
        return {"__t": "decimal", "v": str(value)}
    if isinstance(value, dt.datetime):
        return {"__t": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__t": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"__t": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"__t": "timedelta", "v": value.total_seconds()}
    if isinstance(value, list | tuple):
        return [dump(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise NotSerializable("dictionary with non-text keys")
        return {"__t": "dict", "v": {key: dump(item) for key, item in value.items()}}
    raise NotSerializable(type(value).__name__)


def load(value, _instances: dict | None = None):
    """The inverse of `dump`; model references are loaded from the database (once each)."""
    instances = {} if _instances is None else _instances
    if isinstance(value, list):
        return [load(item, instances) for item in value]
    if not isinstance(value, dict):
        return value
    kind, inner = value.get("__t"), value.get("v")
    if kind == "dict":
        return {key: load(item, instances) for key, item in inner.items()}
    if kind == "model":
        key = (value["m"], value["pk"])
        if key not in instances:
            model = apps.get_model(value["m"])
            instances[key] = model._base_manager.get(pk=load(value["pk"], instances))
        return instances[key]
    if kind == "method":
        return getattr(load(value["o"], instances), value["n"])
    if kind == "gettext":
        return translation.gettext(inner)
    if kind == "safe":
        return mark_safe(inner)  # noqa: S308 - it was safe text when the caller handed it over
    if kind == "decimal":
        return Decimal(inner)
    if kind == "datetime":
        return dt.datetime.fromisoformat(inner)
    if kind == "date":
        return dt.date.fromisoformat(inner)
    if kind == "time":
        return dt.time.fromisoformat(inner)
    if kind == "timedelta":
        return dt.timedelta(seconds=inner)
    raise PayloadUnreadable(f"unknown tag {kind!r}")
