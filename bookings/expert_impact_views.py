"""The expert's impact page and yearly statement (issue 14). Her own data only: the views get
the logged-in expert from `expert_required` and read nothing of anyone else."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.reports import exports
from bookings.reports.expert import expert_impact, yearly_statement
from speakers.views.portal import expert_required


@expert_required
def impact(request, *, expert):
    year = timezone.localdate().year
    return render(
        request,
        "bookings/expert/impact.html",
        {
            "expert": expert,
            "impact": expert_impact(expert=expert, year=year),
            "years": [year, year - 1],
        },
    )


@expert_required
def statement(request, *, expert, year):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    data = yearly_statement(expert=expert, year=year)
    if request.GET.get("format") == "csv":
        rows = [
            [_("Yearly statement"), str(year)],
            [_("Date"), _("Kind"), _("Organisation"), _("Fee"), _("Travel costs"), _("Paid on")],
            *(
                [
                    timezone.localtime(row.starts_at).date(),
                    row.request.get_kind_display(),
                    row.request.organisation.name,
                    row.fee,
                    row.travel_costs or 0,
                    row.paid_on or "",
                ]
                for row in data.rows
            ),
            [],
            [_("Fees"), data.fees],
            [_("Travel costs"), data.travel],
            [_("Paid"), data.paid],
            [_("Yearly allowance"), data.fee_year.yearly_ceiling],
            [],
            [_("Month"), _("Fees"), _("So far this year"), _("Above the monthly allowance")],
            *(
                [
                    f"{month.month:%m-%Y}",
                    month.fees,
                    month.cumulative,
                    _("yes") if month.over_month else "",
                ]
                for month in data.fee_year.months
            ),
        ]
        return exports.csv_response(None, rows=rows, name=f"hope-statement-{year}.csv")
    return render(request, "bookings/expert/statement.html", {"expert": expert, "statement": data})
