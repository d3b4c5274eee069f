"""Every email bookings sends, registered for coordinators to edit (hope.mailtemplates), with
the placeholders that are safe for its reader: one module per audience."""

from __future__ import annotations

from hope.mailtemplates.registry import register


def register_email_texts() -> None:
    from bookings.email_texts import coordinators, experts, organisation

    for module in (organisation, experts, coordinators):
        for spec in module.specs():
            register(spec)
