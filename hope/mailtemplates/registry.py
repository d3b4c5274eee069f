"""Which emails coordinators may edit, and the placeholders each may use.

An app registers its emails (`register(EmailTemplateSpec(...))`, from its AppConfig.ready). A
placeholder turns the email's render context into one plain string; nothing else of the context
can be reached from an override, so private fields (aftercare notes, no-go topics, a name an
expert keeps private, places for people who may not see them) stay out unless a developer
writes a placeholder for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

# Put into a marker context where an email's structured part (a list, a block of facts) is: the
# paragraph that shows it becomes the `{{ details }}` marker in the editor's starting text.
DETAILS = "\u2060[details]\u2060"

# Dates in a marker context: the file template formats them, and the starting text shows the
# placeholder instead of each format's result (see hope.mailtemplates.views.standard_text).
MARKER_STARTS_AT = dt.datetime(2099, 12, 30, 20, 37, tzinfo=dt.UTC)
MARKER_ENDS_AT = dt.datetime(2099, 12, 30, 22, 58, tzinfo=dt.UTC)
MARKER_OLD_STARTS_AT = dt.datetime(2099, 11, 29, 9, 14, tzinfo=dt.UTC)
MARKER_ASKED_AT = dt.datetime(2099, 10, 28, 8, 3, tzinfo=dt.UTC)
DATE_MARKERS = (
    (MARKER_STARTS_AT, "l j F Y H:i", "date"),
    (MARKER_STARTS_AT, "l j F", "day"),
    (MARKER_OLD_STARTS_AT, "l j F Y H:i", "old_date"),
    (MARKER_ASKED_AT, "j F H:i", "asked_at"),
    (MARKER_STARTS_AT, "j F", "day"),
    (MARKER_ENDS_AT, "H:i", "end_time"),
)


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    value: Callable[[dict], object]
    sample: str


@dataclass(frozen=True)
class EmailTemplateSpec:
    template: str
    label: str
    audience: str
    placeholders: tuple[Placeholder, ...]
    # The file template's context with every placeholder's key replaced by its marker
    # ("{{ name }}"), so the editor starts from the current standard text.
    marker_context: dict = field(default_factory=dict)
    # Where the file template lives, without "_subject.txt" / ".txt" (default email/<template>).
    files: str = ""
    # (text as the file template renders it in the reader's language, marker): turns a
    # conditional sentence of the standard text into its placeholder in the starting text.
    marker_replacements: tuple[tuple[Callable[[], str], str], ...] = ()

    @property
    def file_base(self) -> str:
        return self.files or f"email/{self.template}"

    @property
    def names(self) -> frozenset[str]:
        return frozenset(placeholder.name for placeholder in self.placeholders)

    def values(self, context: dict) -> dict[str, str]:
        return {p.name: str(p.value(context) or "") for p in self.placeholders}

    def sample_values(self) -> dict[str, str]:
        return {p.name: str(p.sample) for p in self.placeholders}


_SPECS: dict[str, EmailTemplateSpec] = {}


def register(spec: EmailTemplateSpec) -> None:
    _SPECS[spec.template] = spec


def get_spec(template: str) -> EmailTemplateSpec | None:
    return _SPECS.get(template)


def all_specs() -> list[EmailTemplateSpec]:
    return sorted(_SPECS.values(), key=lambda spec: (str(spec.audience), str(spec.label)))
