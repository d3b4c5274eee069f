"""The reports in the Wagtail admin (coordinators only; editors get 403).

Each report page: the period picker, headline figures against the previous period, then the
tables, or (`?show=chart`) each table as an SVG chart with the table beside it; `?format=csv`
or `?format=xlsx` downloads the same report.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from bookings.models import BookingRequest
from bookings.models.impact import ImprovementTheme, QuoteSource, UnmetReason
from bookings.reports import exports
from bookings.reports.annual import annual_report
from bookings.reports.charts import chart_for
from bookings.reports.period import PeriodForm
from bookings.reports.registry import REPORTS
from bookings.services.impact import impact_quote_set, request_set_report_facts
from hope.roles import is_coordinator_cached


class CoordinatorRequiredMixin:
    """Coordinators only. Anyone else signed in to the admin (an editor) gets a plain 403,
    not Wagtail's redirect to the dashboard."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator_cached(request.user):
            return HttpResponseForbidden(_("Reports are for coordinators only."))
        return super().dispatch(request, *args, **kwargs)


# Long lists (every unmet request, every answer) show the latest rows; the exports have all.
ROWS_ON_PAGE = 200


def _chart_rows(report, show_chart: bool):
    items = []
    for number, table in enumerate(report.tables):
        chart = chart_for(table, chart_id=f"chart-{report.slug}-{number}") if show_chart else ""
        items.append(
            {
                "table": table,
                "rows": table.rows[-ROWS_ON_PAGE:],
                "hidden_rows": max(len(table.rows) - ROWS_ON_PAGE, 0),
                "chart": chart,
                "id": f"table-{report.slug}-{number}",
            }
        )
    return items


class ReportsIndexView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/reports/index.html"
    page_title = gettext_lazy("Reports")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        # Without its own crumb the header says only "Home": the page would have no name.
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["reports"] = [
            {"slug": slug, "title": title, "summary": summary}
            for slug, (title, summary, _function) in REPORTS.items()
        ]
        context["years"] = list(range(today.year, today.year - 5, -1))
        return context


class ReportView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/reports/report.html"
    header_icon = "table"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if kwargs["slug"] not in REPORTS:
            raise Http404
        self.title, self.summary, self.function = REPORTS[kwargs["slug"]]
        self.form = PeriodForm(request.GET.copy() if request.GET else None)
        self.period = self.form.get_period()

    def get_page_title(self):
        return self.title

    def get_page_subtitle(self):
        return self.period.label

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("hope_reports:index"), "label": _("Reports")},
            {"url": "", "label": self.title, "sublabel": self.period.label},
        ]

    def get(self, request, *args, **kwargs):
        self.report = self.function(self.period)
        export = request.GET.get("format")
        if export == "csv":
            return exports.csv_response(self.report)
        if export == "xlsx":
            return exports.xlsx_response(self.report)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_chart = self.request.GET.get("show") == "chart"
        base = reverse("hope_reports:report", args=[self.report.slug])
        query = self.period.querystring()
        context.update(
            {
                "report": self.report,
                "form": self.form,
                "show_chart": show_chart,
                "items": _chart_rows(self.report, show_chart),
                "table_url": f"{base}?{query}",
                "chart_url": f"{base}?{query}&show=chart",
                "csv_url": f"{base}?{query}&format=csv",
                "xlsx_url": f"{base}?{query}&format=xlsx",
                "previous_url": f"{base}?{self.period.previous().querystring()}",
                "quotes": self.report.extra.get("quotes", [])[-ROWS_ON_PAGE:],
            }
        )
        return context


class AnnualReportView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Printable (or "save as PDF" from the browser) for funders."""

    template_name = "bookings/reports/annual.html"
    header_icon = "doc-full"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.year = int(kwargs["year"])
        if not 2000 <= self.year <= 2100:
            raise Http404

    def get_page_title(self):
        return _("Impact in %(year)s") % {"year": self.year}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = annual_report(self.year)
        context.update({"report": report, "items": _chart_rows(report, True)})
        return context


class QuoteView(CoordinatorRequiredMixin, TemplateView):
    """POST: choose or drop a "what changed" answer for the annual page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            booking_request = BookingRequest.objects.get(pk=int(kwargs["pk"]))
        except (BookingRequest.DoesNotExist, ValueError) as error:
            raise Http404 from error
        source = request.POST.get("source", "")
        if source not in QuoteSource.values:
            raise Http404
        try:
            impact_quote_set(
                booking_request=booking_request,
                source=source,
                chosen=request.POST.get("chosen") == "1",
                actor=request.user,
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("The annual impact page is updated."))
        back = request.POST.get("next", "")
        if not back.startswith(reverse("hope_reports:index")):
            back = reverse("hope_reports:report", args=["evaluations"])
        return redirect(back)


class ReportFactsForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label=gettext_lazy("Improvement agenda"),
        choices=ImprovementTheme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unmet_reason = forms.ChoiceField(
        label=gettext_lazy("If no expert could take it: why"),
        choices=[("", "—"), *UnmetReason.choices],
        required=False,
    )


class ReportFactsView(CoordinatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The workspace's small form: themes and the reason for unmet demand."""

    template_name = "bookings/reports/request_facts.html"
    page_title = gettext_lazy("Report details")

    @cached_property
    def object(self):
        # Looked up only after CoordinatorRequiredMixin has let the user in, so nobody else can
        # tell from a 404 or a 403 which request numbers exist.
        try:
            return BookingRequest.objects.confirmed().get(pk=int(self.kwargs["pk"]))
        except (BookingRequest.DoesNotExist, ValueError) as error:
            raise Http404 from error

    @property
    def workspace_url(self):
        return reverse("booking_requests:inspect", args=[self.object.pk])

    def post(self, request, *args, **kwargs):
        form = ReportFactsForm(request.POST)
        if form.is_valid():
            try:
                request_set_report_facts(
                    booking_request=self.object,
                    actor=request.user,
                    themes=form.cleaned_data["themes"],
                    unmet_reason=form.cleaned_data["unmet_reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Report details saved."))
                return redirect(self.workspace_url)
        return self.render_to_response(
            self.get_context_data(form=form, booking_request=self.object)
        )

    def get(self, request, *args, **kwargs):
        return redirect(self.workspace_url)


def report_facts_form(booking_request) -> ReportFactsForm:
    return ReportFactsForm(
        initial={
            "themes": list(booking_request.themes.values_list("theme", flat=True)),
            "unmet_reason": booking_request.unmet_reason,
        },
        auto_id="id_facts_%s",
    )
