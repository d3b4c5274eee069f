"""The reports coordinators can open, in menu order."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bookings.reports import demand, funnel, response_times, work

REPORTS = {
    "requests": (
        _("Requests"),
        _("By month, kind, kind of organisation and source."),
        demand.requests_report,
    ),
    "funnel": (_("Funnel"), _("From request to delivery, and every exit."), funnel.funnel_report),
    "unmet": (
        _("Unmet demand"),
        _("Requests no expert could take, and why."),
        demand.unmet_report,
    ),
    "response": (
        _("Response times"),
        _("To a first response and to a fixed date."),
        response_times.response_report,
    ),
    "fairness": (
        _("Load and capacity"),
        _("Engagements per expert per month."),
        work.fairness_report,
    ),
    "fees": (_("Fees"), _("Agreed, paid, outstanding, and the allowance."), work.fees_report),
    "evaluations": (_("Evaluations"), _("Ratings and what changed."), work.evaluations_report),
    "themes": (
        _("Improvement agenda"),
        _("Requests and engagements by theme."),
        demand.themes_report,
    ),
}
