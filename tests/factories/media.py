"""Media interviews through the services a journalist and a coordinator use (never save())."""

from bookings.services.media import consent_token, media_agreement_prepare, media_consent_accept
from bookings.services.request_base import organisation_recipients


def accept_conditions(engagement):
    """The journalist accepts the expert's conditions through the signed link she was sent."""
    agreement = media_agreement_prepare(engagement=engagement)
    (journalist, *_others) = organisation_recipients(engagement.request)
    return media_consent_accept(token=consent_token(agreement, journalist))
