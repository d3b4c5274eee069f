"""The organisation portal: its requests, their timeline, messages, changes and feedback.

Every view finds the request through `selectors.portal_request`, so a request of another
organisation is a 404 whatever reference or id is guessed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bookings import intake, selectors, workflow
from bookings.enums import RequestStatus
from bookings.portal_forms import EvaluationForm, MessageForm, WithdrawForm
from bookings.request_forms import EditBookingRequestForm
from bookings.services.changes import booking_withdraw
from bookings.services.media import media_details_editable
from bookings.services.request_base import TransitionNotAllowed
from bookings.services.request_edits import booking_update, evaluation_submit
from bookings.services.request_intake import booking_confirm_guest
from bookings.services.request_messages import message_post, messages_mark_read
from hope.keyset import keyset_page

PAGE_SIZE = 20


def _request_or_404(request, reference):
    booking_request = selectors.portal_request(request.user, reference)
    if booking_request is None:
        raise Http404
    return booking_request


def request_new(request):
    """The request form at a plain URL (the CMS booking request page shows the same)."""
    return intake.request_form_view(request, page=None)


def request_sent(request):
    return render(request, "bookings/request_sent.html", {})


def address_confirmed(request):
    """Where allauth sends a person who just confirmed her address (settings point here).

    A guest's request has reached the coordinators: logged in, she goes straight to it; otherwise
    (same browser or a new one) the page says so and offers a login code by email first, which
    then leads to the request.
    """
    from allauth.account.models import EmailAddress

    from bookings.signals import CONFIRMED_ADDRESS_SESSION_KEY

    if request.user.is_authenticated:
        latest = selectors.portal_requests(request.user).filter(contact=request.user).first()
        if latest is not None:
            return redirect("bookings:request_detail", reference=latest.reference)
        return redirect("hope:after_login")
    address = (
        EmailAddress.objects.filter(pk=request.session.get(CONFIRMED_ADDRESS_SESSION_KEY))
        .select_related("user")
        .first()
    )
    if address is None:
        return redirect("account_login")
    latest = selectors.portal_requests(address.user).filter(contact=address.user).first()
    next_url = (
        reverse("bookings:request_detail", kwargs={"reference": latest.reference})
        if latest is not None
        else reverse("hope:after_login")
    )
    return render(
        request,
        "bookings/address_confirmed.html",
        {"email": address.email, "booking_request": latest, "next_url": next_url},
    )


@login_required
def portal(request):
    # Newer / older pages (hope.keyset): no count, the same cost at 10 or 10,000 requests.
    page = keyset_page(
        selectors.portal_requests(request.user),
        size=PAGE_SIZE,
        older=request.GET.get("older"),
        newer=request.GET.get("newer"),
    )
    rows = [
        {
            "request": booking_request,
            "status_label": workflow.organisation_label(booking_request.status),
        }
        for booking_request in page.rows
    ]
    has_organisation = request.user.organisation_memberships.exists()
    return render(
        request,
        "bookings/portal.html",
        {"page": page, "rows": rows, "has_organisation": has_organisation},
    )


@login_required
def request_detail(request, reference):
    booking_request = _request_or_404(request, reference)
    messages_mark_read(booking_request=booking_request, reader=request.user)
    return _render_detail(request, booking_request)


def _render_detail(request, booking_request, *, message_form=None, status=200):
    user = request.user
    thread = selectors.organisation_messages(booking_request)
    context = {
        "booking_request": booking_request,
        "status_label": workflow.organisation_label(booking_request.status),
        "next_step": workflow.organisation_next_step(booking_request.status),
        "timeline": selectors.organisation_timeline(booking_request),
        "engagements": selectors.visible_engagements(booking_request),
        "thread": [(m, selectors.message_author_label(m)) for m in thread],
        "message_form": message_form or MessageForm(),
        "can_edit": user.has_perm("bookings.edit_request", booking_request),
        "can_add_media": user.has_perm("bookings.message_request", booking_request)
        and media_details_editable(booking_request),
        "can_withdraw": user.has_perm("bookings.withdraw_request", booking_request),
        "can_message": user.has_perm("bookings.message_request", booking_request),
        "can_evaluate": user.has_perm("bookings.evaluate_request", booking_request),
        "can_confirm": booking_request.status == RequestStatus.AWAITING_CONFIRMATION
        and booking_request.contact_id == user.pk,
    }
    return render(request, "bookings/request_detail.html", context, status=status)


@login_required
@require_POST
def request_message(request, reference):
    booking_request = _request_or_404(request, reference)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message_post(
                booking_request=booking_request,
                author=request.user,
                body=form.cleaned_data["body"],
                submission_token=form.cleaned_data["submission_token"],
            )
        except (ValidationError, TransitionNotAllowed, PermissionDenied) as error:
            form.add_error("body", _error_text(error))
        else:
            messages.success(request, _("Your message has been sent to the coordinators."))
            return redirect("bookings:request_detail", reference=reference)
    return _render_detail(request, booking_request, message_form=form)


@login_required
@require_POST
def request_confirm(request, reference):
    booking_request = _request_or_404(request, reference)
    if booking_request.contact_id != request.user.pk:
        raise Http404
    if booking_confirm_guest(user=request.user, booking_request=booking_request):
        messages.success(request, _("Thank you. Your request has reached our coordinators."))
    return redirect("bookings:request_detail", reference=reference)


@login_required
def request_edit(request, reference):
    booking_request = _request_or_404(request, reference)
    if not request.user.has_perm("bookings.edit_request", booking_request):
        messages.info(request, _("This request can no longer be changed. Send us a message."))
        return redirect("bookings:request_detail", reference=reference)
    if request.method == "POST":
        form = EditBookingRequestForm(request.POST)
        if form.is_valid():
            try:
                booking_update(
                    booking_request=booking_request,
                    actor=request.user,
                    data=form.request_data(),
                    topics=form.cleaned_data.get("topics") or [],
                    date_options=form.cleaned_data["date_options"],
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                intake._apply_errors(form, error)
            except (TransitionNotAllowed, PermissionDenied) as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("bookings:request_detail", reference=reference)
    else:
        form = EditBookingRequestForm(initial=EditBookingRequestForm.initial_for(booking_request))
    return render(
        request,
        "bookings/request_edit.html",
        {
            "form": form,
            "booking_request": booking_request,
            "error_summary": intake.error_summary(form),
            **intake.site_links(request),
        },
    )


@login_required
def request_withdraw(request, reference):
    booking_request = _request_or_404(request, reference)
    if not request.user.has_perm("bookings.withdraw_request", booking_request):
        messages.info(request, _("This request can no longer be withdrawn."))
        return redirect("bookings:request_detail", reference=reference)
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            try:
                booking_withdraw(
                    booking_request=booking_request,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data.get("version"),
                )
            except TransitionNotAllowed as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(request, _("Your request has been withdrawn."))
                return redirect("bookings:request_detail", reference=reference)
    else:
        form = WithdrawForm(initial={"version": booking_request.version})
    return render(
        request,
        "bookings/request_withdraw.html",
        {"form": form, "booking_request": booking_request},
    )


@login_required
def request_evaluate(request, reference):
    booking_request = _request_or_404(request, reference)
    if not request.user.has_perm("bookings.evaluate_request", booking_request):
        messages.info(request, _("Feedback is possible once, after the engagement took place."))
        return redirect("bookings:request_detail", reference=reference)
    if request.method == "POST":
        form = EvaluationForm(request.POST)
        if form.is_valid():
            try:
                evaluation_submit(
                    booking_request=booking_request, author=request.user, **form.cleaned_data
                )
            except (ValidationError, TransitionNotAllowed) as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(request, _("Thank you for your feedback."))
                return redirect("bookings:request_detail", reference=reference)
    else:
        form = EvaluationForm()
    return render(
        request,
        "bookings/request_evaluate.html",
        {"form": form, "booking_request": booking_request},
    )


def _error_text(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
