"""Old home of the organisation's forms; they live in request_forms, intake_forms and
portal_forms. Import from there; this module only re-exports.
"""

from bookings.intake_forms import (  # noqa: F401
    ChooseOrganisationForm,
    GuestDetailsForm,
    NewOrganisationForm,
)
from bookings.portal_forms import EvaluationForm, MessageForm, WithdrawForm  # noqa: F401
from bookings.request_forms import (  # noqa: F401
    DURATION_CHOICES,
    MAX_FEE,
    BookingRequestForm,
    DateInput,
    EditBookingRequestForm,
    ExpertChoiceField,
    TimeInput,
)
