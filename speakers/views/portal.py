"""The expert portal: only the logged-in expert's own profile and calendar, ever."""

from __future__ import annotations

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from speakers import dashboard as dashboard_facts
from speakers import selectors, services
from speakers.forms import ExpertProfileForm, PauseForm, UnavailabilityForm
from speakers.models import Unavailability


def expert_required(view):
    """Logged in and linked to an expert profile; the view gets ``expert`` (their own)."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        expert = getattr(request.user, "expert", None)
        if expert is None or not request.user.has_perm("speakers.manage_own_profile", expert):
            raise Http404
        return view(request, *args, expert=expert, **kwargs)

    return wrapper


def _apply_form_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@expert_required
def dashboard(request, *, expert):
    now = timezone.now()
    upcoming = selectors.calendar_occurrences(
        experts=[expert], start=now, end=now + datetime.timedelta(days=14)
    )[expert.pk]
    return render(
        request,
        "speakers/dashboard.html",
        {
            "expert": expert,
            "upcoming": upcoming,
            "pause_form": PauseForm(),
            "paused_now": selectors.is_paused_on(expert=expert, day=selectors.today_local()),
            # From bookings: "open_questions" (registered in BookingsConfig.ready).
            **dashboard_facts.context_for(expert=expert),
        },
    )


@expert_required
def profile(request, *, expert):
    form = ExpertProfileForm(request.POST or None, instance=expert)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.expert_update_profile(expert=expert, actor=request.user, **changes)
        except ValidationError as exc:
            expert.refresh_from_db()
            _apply_form_errors(form, exc)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("speakers:profile")
    elif request.method == "POST":
        expert.refresh_from_db()  # the form's instance was touched by validation
    return render(request, "speakers/profile_form.html", {"expert": expert, "form": form})


@expert_required
@require_POST
def pause(request, *, expert):
    form = PauseForm(request.POST)
    if form.is_valid():
        services.expert_pause(
            expert=expert,
            until=form.cleaned_data["paused_until"],
            hide_profile=form.cleaned_data["hide_profile"],
        )
        messages.success(request, _("You are paused. Nobody will ask you for new work."))
        return redirect("speakers:dashboard")
    return render(
        request,
        "speakers/dashboard.html",
        {"expert": expert, "upcoming": [], "pause_form": form, "paused_now": False},
        status=400,
    )


@expert_required
@require_POST
def unpause(request, *, expert):
    services.expert_unpause(expert=expert)
    messages.success(request, _("Welcome back. Coordinators can ask you again."))
    return redirect("speakers:dashboard")


@expert_required
def preview(request, *, expert):
    return render(request, "speakers/preview.html", {"expert": expert})


@expert_required
def availability(request, *, expert):
    form = UnavailabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        weekly = data["repeat"] == "weekly"
        try:
            services.unavailability_add(
                expert=expert,
                start=data["start"],
                end=data["end"],
                weekly=weekly,
                repeat_until=data.get("repeat_until") if weekly else None,
                label=data.get("label", ""),
            )
        except ValidationError as exc:
            if "end" in getattr(exc, "error_dict", {}):
                exc.error_dict["end_time"] = exc.error_dict.pop("end")
            if "start" in getattr(exc, "error_dict", {}):
                exc.error_dict["start_date"] = exc.error_dict.pop("start")
            _apply_form_errors(form, exc)
        else:
            messages.success(request, _("The period is added to your calendar."))
            return redirect("speakers:availability")
    periods = selectors.own_unavailabilities(expert=expert)
    return render(
        request,
        "speakers/availability.html",
        {"expert": expert, "form": form, "periods": periods},
        status=400 if form.is_bound else 200,
    )


def _own_period(expert, pk) -> Unavailability:
    unavailability = get_object_or_404(
        Unavailability.objects.select_related("event", "expert"), pk=pk
    )
    if unavailability.expert_id != expert.pk:
        raise Http404  # someone else's period: it does not exist for this user
    return unavailability


@expert_required
@require_POST
def availability_remove(request, pk, *, expert):
    unavailability = _own_period(expert, pk)
    if not request.user.has_perm("speakers.change_own_unavailability", unavailability):
        raise Http404
    services.unavailability_remove(unavailability=unavailability)
    messages.success(request, _("The period is removed."))
    return redirect("speakers:availability")


@expert_required
@require_POST
def availability_skip(request, pk, *, expert):
    unavailability = _own_period(expert, pk)
    if not request.user.has_perm("speakers.change_own_unavailability", unavailability):
        raise Http404
    original_start = parse_datetime(request.POST.get("original_start", ""))
    if original_start is None or original_start.tzinfo is None:
        messages.error(request, _("That week could not be found."))
        return redirect("speakers:availability")
    try:
        services.unavailability_skip_occurrence(
            unavailability=unavailability, original_start=original_start
        )
    except ValidationError:
        messages.error(request, _("That week could not be found."))
    else:
        messages.success(request, _("You are available that week after all."))
    return redirect("speakers:availability")


def _month_from_query(value: str | None) -> tuple[int, int]:
    today = selectors.today_local()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        datetime.date(year, month, 1)
        if not 2000 <= year <= 2100:
            raise ValueError
    except (TypeError, ValueError):
        return today.year, today.month
    return year, month


@expert_required
def calendar(request, *, expert):
    year, month = _month_from_query(request.GET.get("month"))
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=31)).replace(day=1)
    weeks = selectors.month_grid(expert=expert, year=year, month=month)
    return render(
        request,
        "speakers/calendar.html",
        {
            "expert": expert,
            "weeks": weeks,
            "month_has_entries": any(day.entries for week in weeks for day in week if day.in_month),
            "month": first,
            "previous_month": f"{previous:%Y-%m}",
            "next_month": f"{following:%Y-%m}",
            "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # Mon..Sun
        },
    )


@expert_required
def feed_settings(request, *, expert):
    if request.method == "POST":
        services.expert_rotate_ics_token(expert=expert)
        messages.success(
            request, _("You have a new calendar address. The old one no longer works.")
        )
        return redirect("speakers:feed_settings")
    feed_url = request.build_absolute_uri(
        reverse("speakers:feed", kwargs={"pk": expert.pk, "token": expert.ics_token})
    )
    return render(request, "speakers/feed_settings.html", {"expert": expert, "feed_url": feed_url})
