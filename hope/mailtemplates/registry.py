"""Which emails coordinators may edit, and the placeholders each may use.

An app registers its emails (`register(EmailTemplateSpec(...))`, from its AppConfig.ready). A
placeholder turns the email's render context into one plain string; nothing else of the context
can be reached from an override, so private fields (aftercare notes, no-go topics, a name an
expert keeps private, places for people who may not see them) stay out unless a developer
writes a placeholder for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


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
