"""Old home of the request services; they live in request_base, request_status, request_intake,
request_edits and request_messages. Import from there; this module only re-exports.
"""

from bookings.services.request_base import (  # noqa: F401
    MEDIA_FIELDS,
    REQUEST_FIELDS,
    StaleRequest,
    TransitionNotAllowed,
    _email_context,
    _log,
    _may_act_as,
    _notify_coordinators,
    _notify_organisation,
    actor_role,
    coordinator_recipients,
    organisation_recipients,
)
from bookings.services.request_edits import (  # noqa: F401
    booking_update,
    booking_withdraw,
    evaluation_submit,
)
from bookings.services.request_intake import (  # noqa: F401
    booking_confirm_guest,
    booking_submit,
    booking_submit_as_guest,
    guest_confirmation_needed,
    purge_unconfirmed_requests,
)
from bookings.services.request_messages import message_post, messages_mark_read  # noqa: F401
from bookings.services.request_status import booking_set_status  # noqa: F401
