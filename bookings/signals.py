"""Glue only: when allauth verifies an address, the guest's waiting requests are confirmed."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver


@receiver(email_confirmed, dispatch_uid="bookings_confirm_guest_requests")
def confirm_guest_requests(sender, request, email_address, **kwargs):
    from bookings.services.requests import booking_confirm_guest

    if email_address.user_id and email_address.email.lower() == email_address.user.email.lower():
        booking_confirm_guest(user=email_address.user)
