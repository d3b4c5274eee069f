"""The expert's engagements: questions to answer, what is coming, aftercare, payments.

Every view but `link` needs the logged-in expert (speakers' `expert_required`) and reads only
their own engagements (another expert's id is a 404). `link` is the landing page of the
buttons in emails: GET only shows what the button will do; the POST acts.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from icalendar import Calendar
from icalendar import Event as IcsEvent

from bookings import engagement_workflow as lifecycle
from bookings import expert_selectors as selectors
from bookings.enums import AnswerChannel, EngagementStatus
from bookings.models.followup import CheckInAnswer, LinkPurpose, WorkAgain
from bookings.services import engagements as engagement_services
from bookings.services import expert_answers, followup, link_actions
from bookings.services import media as media_services
from bookings.services.engagements import EngagementRefused
from bookings.services.request_base import TransitionNotAllowed
from speakers.calendar_titles import engagement_title
from speakers.selectors import AMSTERDAM
from speakers.views.portal import expert_required

REFUSALS = (EngagementRefused, TransitionNotAllowed, PermissionDenied)
UID_DOMAIN = "platformhope.nl"


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("A note for the coordinator (optional, only they read it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheckInForm(forms.Form):
    answer = forms.ChoiceField(
        label=gettext_lazy("How are you after this engagement?"),
        choices=CheckInAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose one of the answers.")},
    )


class FeedbackForm(forms.Form):
    how_it_went = forms.CharField(
        label=gettext_lazy("How did it go? (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    work_again = forms.ChoiceField(
        label=gettext_lazy("Would you work with this organisation again? (optional)"),
        choices=WorkAgain.choices,
        required=False,
        widget=forms.RadioSelect,
    )


def _may(step: str, engagement) -> bool:
    """The expert's steps come from the lifecycle table (bookings.engagement_workflow)."""
    return lifecycle.may(step, actor=lifecycle.Actor.EXPERT, status=engagement.status)


def _own(expert, pk):
    return get_object_or_404(selectors.own_engagements(expert=expert), pk=pk)


def _refusal(error) -> str:
    return getattr(error, "message", None) or str(error.args[0] if error.args else error)


@expert_required
def engagement_list(request, *, expert):
    overview = selectors.engagement_overview(expert=expert, past_page=request.GET.get("page"))
    return render(
        request,
        "bookings/expert/list.html",
        {"expert": expert, "overview": overview, "now": timezone.now()},
    )


@expert_required
def engagement_detail(request, *, expert, pk):
    return _render_detail(request, expert=expert, pk=pk)


def _render_detail(request, *, expert, pk, feedback_form=None, checkin_form=None, status=200):
    engagement = _own(expert, pk)
    context = expert_answers.question_context(engagement)
    now = timezone.now()
    ended = engagement.ends_at is not None and engagement.ends_at <= now
    feedback = (
        getattr(engagement, "expert_feedback", None)
        if _has(engagement, "expert_feedback")
        else None
    )
    checkin = getattr(engagement, "checkin", None) if _has(engagement, "checkin") else None
    context.update(
        expert=expert,
        ended=ended,
        checkin=checkin,
        feedback=feedback,
        can_answer=_may("answer", engagement),
        can_withdraw=_may("withdraw", engagement) and not ended,
        can_approve_quotes=_may("approve_quotes", engagement)
        and context["media_agreement"] is not None
        and context["media_agreement"].draft_received_on is not None
        and context["media_agreement"].quotes_approved_at is None,
        show_contact=_may("see_contact", engagement),
        can_check_in=ended and _may("check_in", engagement),
        can_give_feedback=_may("feedback", engagement),
        can_claim=engagement.fee is not None
        and not engagement.paid_on
        and not engagement.claimed_on
        and _may("claim_fee", engagement),
        checkin_form=checkin_form
        or CheckInForm(initial={"answer": checkin.answer if checkin else None}),
        feedback_form=feedback_form
        or FeedbackForm(
            initial={
                "how_it_went": feedback.how_it_went if feedback else "",
                "work_again": feedback.work_again if feedback else "",
            }
        ),
    )
    return render(request, "bookings/expert/detail.html", context, status=status)


def _has(engagement, name) -> bool:
    try:
        getattr(engagement, name)
    except Exception:  # RelatedObjectDoesNotExist
        return False
    return True


@expert_required
def answer(request, *, expert, pk):
    """GET: confirm yes or no (with an optional note). POST: answer."""
    engagement = _own(expert, pk)
    choice = request.POST.get("choice") or request.GET.get("choice")
    if choice not in ("yes", "no"):
        choice = None
    form = NoteForm(request.POST if request.method == "POST" else None)
    if not _may("answer", engagement):
        messages.info(request, _("This question is no longer open."))
        return redirect("engagements:detail", pk=engagement.pk)
    if request.method == "POST" and choice and form.is_valid():
        try:
            engagement_services.engagement_expert_answer(
                engagement=engagement,
                actor=request.user,
                accepted=choice == "yes",
                note=form.cleaned_data["note"] if choice == "no" else "",
                channel=AnswerChannel.PORTAL,
            )
        except REFUSALS as error:
            messages.error(request, _refusal(error))
            return redirect("engagements:detail", pk=engagement.pk)
        engagement.refresh_from_db(fields=["status"])
        messages.success(request, _thanks(choice, engagement))
        return redirect("engagements:detail", pk=engagement.pk)
    context = expert_answers.question_context(engagement)
    context.update(expert=expert, choice=choice, form=form)
    return render(request, "bookings/expert/answer.html", context)


def _thanks(choice: str, engagement) -> str:
    if choice == "yes":
        engagement.refresh_from_db(fields=["status"])
        if engagement.status == EngagementStatus.CONFIRMED:
            return _("Thank you for saying yes. The date is fixed. It is in your calendar.")
        return _(
            "Thank you for saying yes. We still arrange a few things. "
            "Then a coordinator confirms the date with you."
        )
    if choice == "no":
        return _("Thank you for letting us know. Saying no is always fine.")
    return _("Thank you, your answer is saved.")


def link(request, token):
    """The landing page of an email button: shows, then acts on POST. No login needed."""
    try:
        link_row, choice = expert_answers.read_link(token=token, user=request.user)
    except expert_answers.LinkProblem as problem:
        return render(
            request, "bookings/expert/link_problem.html", {"problem": problem}, status=400
        )
    form = NoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link_actions.use_link(
                token=token,
                user=request.user,
                note=form.cleaned_data["note"] if choice == "no" else "",
            )
        except expert_answers.LinkProblem as problem:
            return render(
                request, "bookings/expert/link_problem.html", {"problem": problem}, status=400
            )
        except REFUSALS as error:
            problem = expert_answers.LinkProblem("refused", _refusal(error))
            return render(
                request, "bookings/expert/link_problem.html", {"problem": problem}, status=400
            )
        return render(
            request,
            "bookings/expert/link_done.html",
            {
                "purpose": link_row.purpose,
                "choice": choice,
                "thanks": _thanks(choice, link_row.engagement)
                if link_row.purpose == LinkPurpose.ANSWER
                else _checkin_thanks(choice),
                "engagement": link_row.engagement,
            },
        )
    context = expert_answers.question_context(link_row.engagement)
    context.update(
        purpose=link_row.purpose,
        choice=choice,
        choice_label=dict(CheckInAnswer.choices).get(choice, ""),
        form=form,
    )
    return render(request, "bookings/expert/link.html", context)


def _checkin_thanks(answer: str) -> str:
    if answer == CheckInAnswer.SUPPORT_NOW:
        return _(
            "A coordinator has been alerted and will contact you as soon as possible. "
            "If you are in danger, call 112."
        )
    if answer == CheckInAnswer.DEBRIEF:
        return _("A coordinator will contact you to plan a debrief.")
    return _("Good to hear. Thank you for letting us know.")


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy(
            "A note for the coordinator (optional; you never need to give a reason)"
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@expert_required
def withdraw(request, *, expert, pk):
    """ "I can't do this after all": GET asks to confirm, POST takes back her yes."""
    engagement = _own(expert, pk)
    if not _may("withdraw", engagement):
        messages.info(request, _("This engagement is not going ahead any more."))
        return redirect("engagements:detail", pk=engagement.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            engagement_services.engagement_withdraw(
                engagement=engagement, actor=request.user, note=form.cleaned_data["note"]
            )
        except REFUSALS as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you for letting us know. It is fine: the coordinators have been told "
                    "and will find a solution. Your calendar is free again."
                ),
            )
        return redirect("engagements:detail", pk=engagement.pk)
    context = expert_answers.question_context(engagement)
    context.update(expert=expert, form=form)
    return render(request, "bookings/expert/withdraw.html", context)


@expert_required
def aftercare(request, *, expert, pk):
    engagement = _own(expert, pk)
    if request.method != "POST":
        return redirect("engagements:detail", pk=engagement.pk)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, expert=expert, pk=pk, checkin_form=form, status=400)
    try:
        followup.aftercare_checkin_answer(
            engagement=engagement, actor=request.user, answer=form.cleaned_data["answer"]
        )
    except REFUSALS as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _checkin_thanks(form.cleaned_data["answer"]))
    return redirect("engagements:detail", pk=engagement.pk)


@expert_required
def feedback(request, *, expert, pk):
    engagement = _own(expert, pk)
    if request.method != "POST":
        return redirect("engagements:detail", pk=engagement.pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, expert=expert, pk=pk, feedback_form=form, status=400)
    try:
        followup.expert_feedback_give(
            engagement=engagement, actor=request.user, **form.cleaned_data
        )
    except REFUSALS as error:
        messages.error(request, _refusal(error))
        return _render_detail(request, expert=expert, pk=pk, feedback_form=form, status=400)
    messages.success(request, _("Thank you. Only the coordinators read your feedback."))
    return redirect("engagements:detail", pk=engagement.pk)


@expert_required
@require_POST
def fee_claimed(request, *, expert, pk):
    engagement = _own(expert, pk)
    try:
        engagement_services.engagement_mark_fee_claimed(engagement=engagement, actor=request.user)
    except REFUSALS as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Noted: you have claimed this fee."))
    return redirect("engagements:detail", pk=engagement.pk)


@expert_required
@require_POST
def approve_quotes(request, *, expert, pk):
    engagement = _own(expert, pk)
    try:
        media_services.media_quotes_approve(engagement=engagement, actor=request.user)
    except REFUSALS as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Thank you: your quotes are approved."))
    return redirect("engagements:detail", pk=engagement.pk)


@expert_required
def payments(request, *, expert):
    return render(
        request,
        "bookings/expert/payments.html",
        {"expert": expert, "payments": selectors.payments(expert=expert)},
    )


@expert_required
def engagement_ics(request, *, expert, pk):
    """One engagement for the expert's own calendar app: neutral title, no notes."""
    engagement = _own(expert, pk)
    calendar = Calendar()
    calendar.add("prodid", "-//Platform HOPE//Engagement//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = IcsEvent()
    event = engagement.event
    uid = f"hope-event-{event.pk}" if event else f"hope-engagement-{engagement.pk}"
    entry.add("uid", f"{uid}@{UID_DOMAIN}")
    entry.add("dtstamp", (engagement.updated_at or timezone.now()).astimezone(dt.UTC))
    entry.add("dtstart", engagement.starts_at.astimezone(AMSTERDAM))
    entry.add("dtend", engagement.ends_at.astimezone(AMSTERDAM))
    status = engagement.calendar_status
    entry.add("sequence", engagement.sequence)
    entry.add("status", status)
    entry.add("summary", engagement_title(status))
    entry.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    if engagement.request.place:
        entry.add("location", engagement.request.place)
    entry.add("class", "PRIVATE")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hope-{engagement.pk}.ics"'
    return response
