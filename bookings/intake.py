"""The request form: on the CMS booking request page and at `bookings:request_new`.

`serve_booking_request_page(request, page)` is called by `cms.BookingRequestPage.serve()`.
A logged-in organisation contact's request goes straight to the coordinators; a guest's waits
until they confirm their email address. A honeypot and a rate limit keep robots out.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bookings.intake_forms import ChooseOrganisationForm, GuestDetailsForm, NewOrganisationForm
from bookings.models import Organisation
from bookings.request_forms import BookingRequestForm
from bookings.services.request_intake import booking_submit, booking_submit_as_guest
from hope import site_pages
from hope.page_cache import (
    CSRF_PLACEHOLDER,
    SUBMISSION_PLACEHOLDER,
    current_version,
    mark_personalised,
    personalise,
)

# At most this many requests per window (seconds), per visitor address or per account.
DEFAULT_RATE_LIMIT = (5, 60 * 60)
FIELDS_TEMPLATE = "bookings/includes/request_fields.html"
# Shared fragments of the form page; a newer page-cache version makes them stale at once.
FIELDS_CACHE_SECONDS = 60 * 60


def serve_booking_request_page(request, page) -> HttpResponse:
    return request_form_view(request, page=page)


def site_links(request) -> dict:
    """Links to the privacy statement and the fee guidance, from the site settings (cms).

    Shared between visitors while the public page-cache version holds (site settings and page
    publishes bump it)."""
    key = f"bookings:intake:links:{current_version()}:{get_language()}:{request.get_host()}"
    links = cache.get(key)
    if links is None:
        links = site_pages.site_links(request)
        cache.set(key, links, FIELDS_CACHE_SECONDS)
    return links


def offering_from(value):
    """The live offering page a visitor came from (`?offering=<page id>`), or None."""
    try:
        page_id = int(value)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id < 2**31:  # beyond any id: SQLite would overflow
        return None
    return site_pages.offering_page(page_id)


def preferred_expert_from(slug):
    if not slug:
        return None
    from speakers.selectors import public_expert_by_slug

    return public_expert_by_slug(slug=str(slug)[:120])


def _client_key(request) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    from hope.clientip import client_ip  # a forged X-Forwarded-For never chooses it

    return f"ip:{client_ip(request)}"


def _rate_limit():
    return getattr(settings, "HOPE_REQUEST_FORM_RATE_LIMIT", DEFAULT_RATE_LIMIT)


def rate_limit_exceeded(request) -> bool:
    limit, _window = _rate_limit()
    return cache.get(f"bookings:intake:{_client_key(request)}", 0) >= limit


def rate_limit_count(request) -> None:
    _limit, window = _rate_limit()
    key = f"bookings:intake:{_client_key(request)}"
    if not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, window)


def unbound_fields_html(*, form, fee_guidance_url: str) -> str:
    """The empty form's fields (kinds, topics, experts, help texts) rendered once and shared.

    Everything in this fragment is the same for every visitor who opens the form with the same
    starting values; the CSRF token and the visitor's own details stay outside it. Valid while the
    public page-cache version holds: topics, experts and site settings bump it.
    """
    initial = sorted((name, str(value)) for name, value in form.initial.items())
    variant = hashlib.sha256(repr((initial, fee_guidance_url)).encode()).hexdigest()[:32]
    key = f"bookings:intake:fields:{current_version()}:{get_language()}:{variant}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            FIELDS_TEMPLATE, {"form": form, "fee_guidance_url": fee_guidance_url}
        )
        cache.set(key, str(html), FIELDS_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output, rendered above


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _personalised(request, html: str) -> HttpResponse:
    """This visitor's copy of the shared page; marked so that the page cache middleware answers
    the next guest without routing (``hope.page_cache.mark_personalised``)."""
    return mark_personalised(HttpResponse(personalise(request, html)), html)


def _shared_page_key(request) -> str | None:
    """The whole empty form page as every guest sees it, but for the token (see below)."""
    from django.contrib.messages import get_messages

    if (
        request.method != "GET"
        or request.user.is_authenticated
        or getattr(request, "is_preview", False)
        or len(get_messages(request)) > 0
    ):
        return None
    variant = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"bookings:intake:page:{current_version()}:{get_language()}:{variant[:32]}"


def error_summary(*forms) -> list[dict]:
    """Every wrong field of the given forms, in page order: its label, the first error and the
    anchor of its input, so the summary at the top can say which fields and link to them."""
    items = []
    for form in forms:
        if form is None or not form.is_bound:
            continue
        for name, field in form.fields.items():
            if name in form.errors:
                bound = form[name]
                items.append(
                    {
                        "label": field.label or name,
                        "message": form.errors[name][0],
                        "anchor": bound.id_for_label or bound.auto_id,
                    }
                )
    return items


def request_form_view(request, *, page=None) -> HttpResponse:
    """For a guest opening the empty form the page is rendered once per page-cache version,
    language and address, with placeholders where the CSRF and submission tokens go; each visitor
    gets that copy with her own tokens. Without a query string the next guests get it straight
    from ``PublicPageCacheMiddleware`` (no session, no routing, no query). Everyone else, and
    every bound form, is rendered in full."""
    shared_key = _shared_page_key(request)
    if shared_key is not None:
        html = cache.get(shared_key)
        if html is not None:
            return _personalised(request, html)
    response = _request_form_view(request, page=page)
    if shared_key is not None and response.status_code == 200:
        response.context_data["csrf_token"] = CSRF_PLACEHOLDER
        response.context_data["form"].initial["submission_token"] = SUBMISSION_PLACEHOLDER
        html = response.rendered_content
        cache.set(shared_key, html, FIELDS_CACHE_SECONDS)
        return _personalised(request, html)
    return response


def _request_form_view(request, *, page=None) -> HttpResponse:
    user = request.user
    is_guest = not user.is_authenticated
    organisations = (
        []
        if is_guest
        else list(Organisation.objects.filter(memberships__user=user).order_by("name"))
    )
    needs_new_organisation = is_guest or not organisations
    data = request.POST if request.method == "POST" else None
    offering = offering_from(request.POST.get("offering") if data else request.GET.get("offering"))

    initial = {}
    if offering is not None:
        initial.update(offering=offering.pk, kind=getattr(offering, "engagement_kind", ""))
        if getattr(offering, "meeting_mode", ""):
            initial["mode"] = offering.meeting_mode
    expert = preferred_expert_from(request.GET.get("expert"))
    if expert is not None:
        initial["preferred_expert"] = expert.pk

    form = BookingRequestForm(data, initial=initial)
    guest_form = GuestDetailsForm(data) if is_guest else None
    organisation_form = NewOrganisationForm(data) if needs_new_organisation else None
    choose_form = (
        ChooseOrganisationForm(data, user=user, initial={"organisation": organisations[0].pk})
        if len(organisations) > 1
        else None
    )
    status = 200
    if data is not None:
        if data.get("website"):
            # A robot filled in the hidden field: act as if it worked, store nothing.
            return redirect("bookings:request_sent")
        if rate_limit_exceeded(request):
            form.add_error(
                None,
                _("You have sent several requests in a short time. Please try again in an hour."),
            )
            status = 429
        else:
            forms_valid = all(
                f.is_valid() for f in (form, guest_form, organisation_form, choose_form) if f
            )
            if forms_valid:
                response = _submit(
                    request,
                    form=form,
                    guest_form=guest_form,
                    organisation_form=organisation_form,
                    choose_form=choose_form,
                    organisations=organisations,
                    offering=offering,
                )
                if response is not None:
                    rate_limit_count(request)
                    return response
            status = 200

    links = site_links(request)
    context = {
        "page": page,
        "form": form,
        "guest_form": guest_form,
        "organisation_form": organisation_form,
        "choose_form": choose_form,
        "offering": offering,
        "is_guest": is_guest,
        "extra_forms_have_errors": any(
            f.is_bound and f.errors for f in (guest_form, organisation_form, choose_form) if f
        ),
        "error_summary": error_summary(form, choose_form, organisation_form, guest_form),
        "form_action": request.path,
        # Guests share the page's frame (header, footer, meta tags) through fragment caching.
        "shared_version": current_version() if is_guest else None,
        "share_body": is_guest and not form.is_bound,
        # A bound form shows the visitor's values and errors: rendered in full, never shared.
        "fields_html": (
            None
            if form.is_bound
            else unbound_fields_html(form=form, fee_guidance_url=links["fee_guidance_url"])
        ),
        **links,
    }
    return TemplateResponse(request, "bookings/request_form.html", context, status=status)


def _submit(request, *, form, guest_form, organisation_form, choose_form, organisations, offering):
    data = form.request_data()
    data["offering"] = offering
    common = {
        "data": data,
        "topics": form.cleaned_data.get("topics") or [],
        "date_options": form.cleaned_data["date_options"],
        "consent": form.cleaned_data["consent"],
        "submission_token": form.cleaned_data.get("submission_token"),
    }
    try:
        if guest_form is not None:
            booking_submit_as_guest(
                email=guest_form.cleaned_data["email"],
                first_name=guest_form.cleaned_data["first_name"],
                last_name=guest_form.cleaned_data["last_name"],
                language=get_language() or settings.LANGUAGE_CODE,
                new_organisation=organisation_form.organisation_data(),
                **common,
            )
            return redirect("bookings:request_sent")
        if choose_form is not None:
            organisation = choose_form.cleaned_data["organisation"]
        else:
            organisation = organisations[0] if organisations else None
        booking_request = booking_submit(
            contact=request.user,
            organisation=organisation,
            new_organisation=organisation_form.organisation_data() if organisation_form else None,
            confirmed=True,
            **common,
        )
    except ValidationError as error:
        _apply_errors(form, error)
        return None
    except PermissionDenied as error:
        form.add_error(NON_FIELD_ERRORS, str(error))
        return None
    messages.success(
        request,
        _("Thank you. We received your request; its reference is %(reference)s.")
        % {"reference": booking_request.reference},
    )
    return redirect("bookings:request_detail", reference=booking_request.reference)
