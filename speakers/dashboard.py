"""Facts from the apps above on the expert's dashboard.

speakers knows nothing of bookings (the apps layer one way, docs/conventions.md), yet her
dashboard says how many engagements she has been asked for. bookings registers a function in
its AppConfig.ready that gives template context for an expert; the dashboard view adds what
every registered function gives.
"""

from __future__ import annotations

from collections.abc import Callable

_providers: list[Callable[..., dict]] = []


def register(provider: Callable[..., dict]) -> None:
    """`provider(expert=...)` returns a dict of template context for that expert's dashboard."""
    if provider not in _providers:
        _providers.append(provider)


def context_for(*, expert) -> dict:
    context: dict = {}
    for provider in _providers:
        context.update(provider(expert=expert))
    return context
