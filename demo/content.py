"""Reading the demo's data files (`demo/content/*.json`).

Rich text is written in the files as `{"html": "<p>…</p>"}`; it becomes a Wagtail `RichText`
after the one sanitiser, like anything written outside the editor. StreamField bodies are lists of
`{"type": …, "value": …}`, Wagtail's own block shape.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

from wagtail.rich_text import RichText

from hope.sanitize import sanitize_html

CONTENT = Path(__file__).resolve().parent / "content"


def rt(html: str) -> RichText:
    """Rich text written outside the editor goes through the one sanitiser."""
    return RichText(sanitize_html(html))


@cache
def _read(name: str):
    with (CONTENT / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def load(name: str):
    """The data file `demo/content/<name>.json`, with its rich text made ready for Wagtail."""
    return rich(_read(name))


def rich(value):
    if isinstance(value, dict):
        if set(value) == {"html"}:
            return rt(value["html"])
        return {key: rich(item) for key, item in value.items()}
    if isinstance(value, list):
        return [rich(item) for item in value]
    return value


def stream(blocks: list[dict]) -> list[tuple]:
    """A StreamField body from the file's `[{"type": …, "value": …}]`."""
    return [(block["type"], block["value"]) for block in blocks]


def english(content: dict) -> dict:
    """The translated title, intro and body of a page, ready for `translate`."""
    en = content["en"]
    fields = {key: en[key] for key in ("title", "intro") if key in en}
    if "body" in en:
        fields["body"] = stream(en["body"])
    return fields


def date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
