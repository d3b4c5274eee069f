"""The annual impact page for funders: the year's key figures, charts and the quotes a
coordinator chose. No personal data: no names of people or organisations, and the name of an
expert who is not public never appears (it is blanked out of quotes)."""

from __future__ import annotations

import re

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from bookings.enums import EngagementKind, OrganisationKind
from bookings.models import Evaluation
from bookings.models.impact import ImpactAnswer, ImpactQuote, QuoteSource
from bookings.reports.demand import requests_report, themes_report
from bookings.reports.funnel import funnel_report
from bookings.reports.period import Period, year_period
from bookings.reports.public import compute_key_figures
from bookings.reports.tables import Figure, Report
from speakers.models import PUBLIC_IDENTITY_MODES, Expert

HIDDEN_NAME = "[…]"


def _hidden_names() -> list[str]:
    """Names that must not appear: experts who are not public (their chosen name and the name
    on their account)."""
    names = set()
    rows = Expert.objects.exclude(identity_mode__in=PUBLIC_IDENTITY_MODES).values_list(
        "public_name", "user__first_name", "user__last_name"
    )
    for public_name, first_name, last_name in rows:
        for name in (public_name, first_name, last_name):
            if name and len(name.strip()) > 1:
                names.add(name.strip())
    return sorted(names, key=len, reverse=True)


def scrub(text: str, names: list[str]) -> str:
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", HIDDEN_NAME, text, flags=re.IGNORECASE)
    return text


def chosen_quotes(period: Period) -> list[dict]:
    window = {"created_at__gte": period.start, "created_at__lt": period.end}
    chosen = set(ImpactQuote.objects.values_list("request_id", "source"))
    rows = []
    for source, queryset in (
        (QuoteSource.EVALUATION, Evaluation.objects.filter(**window).exclude(what_changed="")),
        (QuoteSource.FOLLOW_UP, ImpactAnswer.objects.filter(**window)),
    ):
        for request_id, kind, organisation_kind, text in queryset.values_list(
            "request_id", "request__kind", "request__organisation__kind", "what_changed"
        ):
            if (request_id, source.value) in chosen:
                rows.append({"kind": kind, "organisation_kind": organisation_kind, "text": text})
    names = _hidden_names() if rows else []
    return [
        {
            "text": scrub(row["text"], names),
            "kind": str(EngagementKind(row["kind"]).label),
            "organisation_kind": str(OrganisationKind(row["organisation_kind"]).label),
        }
        for row in rows
    ]


def annual_report(year: int) -> Report:
    period = year_period(year)
    requests = requests_report(period)
    funnel = funnel_report(period)
    themes = themes_report(period)
    figures = compute_key_figures(year)
    previous_figures = compute_key_figures(year - 1)
    rating = Evaluation.objects.filter(
        created_at__gte=period.start, created_at__lt=period.end
    ).aggregate(average=Avg("rating"), count=Count("id"))
    submitted = requests.figures[0]
    delivered_share = funnel.figures[2]
    tables = [
        table
        for table in (*requests.tables, funnel.tables[0], *themes.tables)
        if table.key in ("by_month", "by_kind", "by_org", "stages", "themes")
    ]
    return Report(
        slug="annual",
        title=_("Impact in %(year)s") % {"year": year},
        period=period,
        previous_period=period.previous(),
        empty=submitted.value == 0 and figures["engagements"] == 0,
        figures=[
            Figure(_("Requests received"), submitted.value, submitted.previous),
            Figure(
                _("Engagements delivered"),
                figures["engagements"],
                previous_figures["engagements"],
            ),
            Figure(
                _("Organisations reached"),
                figures["organisations"],
                previous_figures["organisations"],
            ),
            Figure(
                _("Professionals trained"),
                figures["professionals_trained"],
                previous_figures["professionals_trained"],
            ),
            Figure(_("Requests delivered (%)"), delivered_share.value, delivered_share.previous),
            Figure(
                _("Average rating (1–5)"),
                round(rating["average"], 2) if rating["average"] is not None else None,
            ),
        ],
        tables=tables,
        extra={"quotes": chosen_quotes(period)},
    )
