"""Glue only: when allauth verifies an address, the guest's waiting requests are confirmed."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

CONFIRMED_ADDRESS_SESSION_KEY = "bookings_confirmed_address"


@receiver(email_confirmed, dispatch_uid="bookings_confirm_guest_requests")
def confirm_guest_requests(sender, request, email_address, **kwargs):
    from bookings.services.requests import booking_confirm_guest

    if email_address.user_id and email_address.email.lower() == email_address.user.email.lower():
        booking_confirm_guest(user=email_address.user)
    if request is not None and hasattr(request, "session"):
        # The landing page (`bookings:address_confirmed`) offers this person a login code; in a
        # new browser there is no other trace of who just confirmed.
        request.session[CONFIRMED_ADDRESS_SESSION_KEY] = email_address.pk
