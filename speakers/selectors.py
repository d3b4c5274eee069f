"""Reads that carry rules: who is public, who is free."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from speakers.models import PUBLIC_IDENTITY_MODES, Expert, Topic


def public_experts() -> QuerySet[Expert]:
    """Experts who chose to be public (own name or pseudonym).

    Paused experts stay visible: pausing only means they cannot be booked for now.
    """
    return (
        Expert.objects.filter(identity_mode__in=PUBLIC_IDENTITY_MODES)
        .select_related("photo")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("public_name")
    )


def public_expert_by_slug(*, slug: str) -> Expert | None:
    return public_experts().filter(slug=slug).first()


def featured_experts(*, limit: int = 3) -> list[Expert]:
    """A few public experts for the home page: those not paused first, then by name."""
    return list(public_experts().order_by("paused", "public_name")[:limit])
