"""Glue only: when allauth verifies an address, the guest's waiting requests are confirmed;
when an expert pauses, the coordinators hear what is affected (bookings.services.pause)."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

CONFIRMED_ADDRESS_SESSION_KEY = "bookings_confirmed_address"


@receiver(email_confirmed, dispatch_uid="bookings_confirm_guest_requests")
def confirm_guest_requests(sender, request, email_address, **kwargs):
    from bookings.services.request_intake import booking_confirm_guest

    if email_address.user_id and email_address.email.lower() == email_address.user.email.lower():
        booking_confirm_guest(user=email_address.user)
    if request is not None and hasattr(request, "session"):
        # The landing page (`bookings:address_confirmed`) offers this person a login code; in a
        # new browser there is no other trace of who just confirmed.
        request.session[CONFIRMED_ADDRESS_SESSION_KEY] = email_address.pk


def _figures_changed(sender, **kwargs):
    """The public key figures (bookings.reports.public) are recomputed after a change."""
    from django.db import transaction

    from bookings.reports.public import invalidate_public_figures

    transaction.on_commit(invalidate_public_figures)


def connect_public_figures():
    from django.db.models.signals import post_delete, post_save

    from bookings.models import BookingRequest, Engagement

    for model in (Engagement, BookingRequest):
        post_save.connect(_figures_changed, sender=model, dispatch_uid=f"figures_{model.__name__}")
        post_delete.connect(
            _figures_changed, sender=model, dispatch_uid=f"figures_del_{model.__name__}"
        )


def _expert_paused(sender, expert, until=None, hidden=False, **kwargs):
    from bookings.services.pause import expert_pause_notify

    expert_pause_notify(expert=expert, until=until, hidden=hidden)


def connect_speakers_signals():
    from speakers.signals import expert_paused

    expert_paused.connect(_expert_paused, dispatch_uid="bookings_expert_paused")


connect_speakers_signals()
